# CableDesk — the two commands: `make run` and `make test`.
# Needs only Python 3.11+ and make; everything else goes into .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
# headless Qt for every test run
TEST_ENV := QT_QPA_PLATFORM=offscreen
# pytest-xdist: one worker per CPU (make test WORKERS=1 runs the suite in one process)
WORKERS ?= auto

.PHONY: run test unit lint typecheck pytest bench fuzz constraints clean translations update-translations screenshots

run: $(VENV)/.installed translations
	$(BIN)/cabledesk

test: $(VENV)/.installed-test lint typecheck pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy cabledesk tests

pytest: $(VENV)/.installed-test translations
	$(TEST_ENV) $(BIN)/pytest -q -n $(WORKERS)

# The quick loop while working: every test but those that drive an external
# tool (interop) or take half a second or more (slow). `make test` runs them all.
unit: $(VENV)/.installed-test translations
	$(TEST_ENV) $(BIN)/pytest -q -n $(WORKERS) -m "not interop and not slow"

bench: $(VENV)/.installed-test
	$(TEST_ENV) $(BIN)/python -m tests.bench

fuzz: $(VENV)/.installed-fuzz
	$(TEST_ENV) $(BIN)/python -m tests.fuzz

# Translations: the .ts catalogues are committed, the compiled .qm are built here
# (never committed). After changing strings in cabledesk/ui, run `make update-translations`
# and translate what it marks unfinished (tests/ui/test_translations.py checks).
TS_FILES := $(wildcard resources/translations/*.ts)
TS_SOURCES := cabledesk/ui resources/translations/core_messages.py

translations: $(TS_FILES:.ts=.qm)

resources/translations/%.qm: resources/translations/%.ts | $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

update-translations: | $(VENV)/.installed
	$(BIN)/pyside6-lupdate -silent -extensions py -locations none -no-obsolete \
	  $(TS_SOURCES) -ts $(TS_FILES)

# Every screen as PNG, English and French, 100 % and 200 % (build/screenshots/);
# needs Xvfb (Debian: xvfb, xauth). docs/screenshots/ holds a few of them for the README.
screenshots: $(VENV)/.installed-test translations
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python -m tests.ui.screenshots

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml constraints.txt
	$(PIP) install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.created pyproject.toml constraints.txt
	$(PIP) install --quiet -c constraints.txt -e '.[test]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-fuzz: $(VENV)/.installed-test
	$(PIP) install --quiet -c constraints.txt -e '.[test,fuzz]'
	touch $@

# Re-pin every dependency to the newest versions the bounds in pyproject.toml allow.
constraints:
	rm -rf .venv-pin
	$(PYTHON) -m venv .venv-pin
	.venv-pin/bin/python -m pip install --quiet --upgrade pip
	.venv-pin/bin/python -m pip install --quiet '.[test,fuzz]'
	{ echo "# Pinned versions of every runtime and test dependency, so that CI and every"; \
	  echo "# developer install the same set. Regenerate: make constraints"; \
	  .venv-pin/bin/python -m pip freeze --exclude-editable | grep -v '^cabledesk'; } > constraints.txt
	rm -rf .venv-pin

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis
	rm -f resources/translations/*.qm

# Bundles (packaging/README.md). `make dist` builds the PyInstaller one-folder
# bundle dist/cabledesk/ (executables cabledesk and cabledesk-cli) in its own
# venv, .venv-dist, from the hash-pinned packaging/build-requirements.txt and
# packaging/requirements.lock (never touching .venv), then writes
# dist/cabledesk-VERSION-linux-ARCH.tar.gz, reproducibly (sorted entries, time
# stamps from SOURCE_DATE_EPOCH, owner 0), and its .sha256 beside it.
# `make dist-check` unpacks that archive into an empty folder and drives the
# bundle's own binaries: CLI workflow, installer, GUI up to the unlock window.
.PHONY: dist dist-check

DIST_VENV    := .venv-dist
DIST_BIN     := $(DIST_VENV)/bin
DIST_VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' cabledesk/__init__.py)
DIST_NAME    := cabledesk-$(DIST_VERSION)-linux-$(shell uname -m)
DIST_DIR     := dist/cabledesk
DIST_ARCHIVE := dist/$(DIST_NAME).tar.gz
DIST_SHARE   := $(DIST_DIR)/share
# Time stamps inside the archive: the last commit's time (0 outside git).
# Read once (`:=`), so that every step of one build uses the same time.
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
endif

dist: $(DIST_VENV)/.installed
	rm -rf build/pyinstaller $(DIST_DIR) $(DIST_ARCHIVE) $(DIST_ARCHIVE).sha256
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) PYTHONHASHSEED=0 QT_QPA_PLATFORM=offscreen \
	  $(DIST_BIN)/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/cabledesk.spec
	install -D -m 0755 packaging/linux/install.sh $(DIST_DIR)/install.sh
	install -D -m 0644 packaging/linux/org.cabledesk.CableDesk.desktop \
	  $(DIST_SHARE)/applications/org.cabledesk.CableDesk.desktop
	install -D -m 0644 packaging/linux/org.cabledesk.CableDesk.metainfo.xml \
	  $(DIST_SHARE)/metainfo/org.cabledesk.CableDesk.metainfo.xml
	install -D -m 0644 packaging/linux/cabledesk-mime.xml \
	  $(DIST_SHARE)/mime/packages/cabledesk-mime.xml
	install -D -m 0644 resources/icons/cabledesk.svg \
	  $(DIST_SHARE)/icons/hicolor/scalable/apps/org.cabledesk.CableDesk.svg
	tar --create --directory dist --sort=name --format=gnu \
	  --mtime=@$(SOURCE_DATE_EPOCH) --owner=0 --group=0 --numeric-owner \
	  --mode=u+rwX,go=rX --file dist/$(DIST_NAME).tar cabledesk
	gzip -9 -n -f dist/$(DIST_NAME).tar
	cd dist && sha256sum $(DIST_NAME).tar.gz > $(DIST_NAME).tar.gz.sha256
	@du -sh $(DIST_DIR) $(DIST_ARCHIVE)

dist-check:
	$(PYTHON) packaging/dist_check.py $(DIST_ARCHIVE)

$(DIST_VENV)/.installed: packaging/build-requirements.txt packaging/requirements.lock
	rm -rf $(DIST_VENV)
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_BIN)/python -m pip install --quiet --require-hashes --only-binary=:all: \
	  -r packaging/build-requirements.txt -r packaging/requirements.lock
	touch $@
