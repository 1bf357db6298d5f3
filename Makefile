# CableDesk — the two commands: `make run` and `make test`.
# Needs only Python 3.11+ and make; everything else goes into .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
# headless Qt for every test run
TEST_ENV := QT_QPA_PLATFORM=offscreen

.PHONY: run test lint typecheck pytest bench fuzz constraints clean

run: $(VENV)/.installed
	$(BIN)/cabledesk

test: $(VENV)/.installed-test lint typecheck pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy cabledesk

pytest: $(VENV)/.installed-test
	$(TEST_ENV) $(BIN)/pytest -q

bench: $(VENV)/.installed-test
	$(TEST_ENV) $(BIN)/python -m tests.bench

fuzz: $(VENV)/.installed-test
	$(TEST_ENV) $(BIN)/python -m tests.fuzz

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

# Re-pin every dependency to the newest versions the bounds in pyproject.toml allow.
constraints:
	rm -rf .venv-pin
	$(PYTHON) -m venv .venv-pin
	.venv-pin/bin/python -m pip install --quiet --upgrade pip
	.venv-pin/bin/python -m pip install --quiet '.[test]'
	{ echo "# Pinned versions of every runtime and test dependency, so that CI and every"; \
	  echo "# developer install the same set. Regenerate: make constraints"; \
	  .venv-pin/bin/python -m pip freeze --exclude-editable | grep -v '^cabledesk'; } > constraints.txt
	rm -rf .venv-pin

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis
