#!/bin/sh
# Install an unpacked CableDesk bundle for one user (default) or system-wide.
#
#   tar -xzf cabledesk-VERSION-linux-x86_64.tar.gz
#   sh cabledesk/install.sh                      # ~/.local/opt/cabledesk, ~/.local/bin, ~/.local/share
#   sudo sh cabledesk/install.sh --prefix /opt/cabledesk --data /usr/local/share --bin /usr/local/bin
#   sh cabledesk/install.sh --uninstall          # removes what the same options installed
#
# What it does, with no network: copies the bundle to PREFIX (replacing an older
# copy), links PREFIX/cabledesk and PREFIX/cabledesk-cli into BIN, installs the
# desktop entry (with the absolute path of the executable), the AppStream
# metadata, the icon and the MIME types for .cable and .contact into DATA, and
# makes CableDesk the default application for both types. It uses xdg-mime and
# xdg-desktop-menu when present, copies the files itself otherwise, and runs
# update-mime-database, update-desktop-database and gtk-update-icon-cache when
# those are present. Nothing else is touched.
set -eu

APP_ID=org.cabledesk.CableDesk
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="${HOME}/.local/opt/cabledesk"
BIN="${HOME}/.local/bin"
DATA="${XDG_DATA_HOME:-${HOME}/.local/share}"
UNINSTALL=0

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) PREFIX=$2; shift 2 ;;
        --bin) BIN=$2; shift 2 ;;
        --data) DATA=$2; shift 2 ;;
        --uninstall) UNINSTALL=1; shift ;;
        -h|--help) usage 0 ;;
        *) echo "install.sh: unknown option: $1" >&2; usage 2 ;;
    esac
done

have() { command -v "$1" >/dev/null 2>&1; }
say() { printf '%s\n' "$*"; }

refresh_databases() {
    if have update-mime-database; then update-mime-database "$DATA/mime" >/dev/null 2>&1 || true; fi
    if have update-desktop-database; then update-desktop-database -q "$DATA/applications" 2>/dev/null || true; fi
    if have gtk-update-icon-cache && [ -f "$DATA/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
    fi
}

if [ "$UNINSTALL" -eq 1 ]; then
    rm -f "$BIN/cabledesk" "$BIN/cabledesk-cli"
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
    rm -f "$DATA/mime/packages/cabledesk-mime.xml"
    rm -f "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    rm -rf "$PREFIX"
    refresh_databases
    say "CableDesk removed from $PREFIX (the vault in your data folder is kept)."
    exit 0
fi

if [ ! -x "$HERE/cabledesk" ] || [ ! -x "$HERE/cabledesk-cli" ] || [ ! -d "$HERE/_internal" ]; then
    echo "install.sh: run me from an unpacked CableDesk bundle (cabledesk, cabledesk-cli, _internal/)" >&2
    exit 2
fi

# 1. The bundle itself: copied beside the old one, then swapped in.
if [ "$HERE" != "$PREFIX" ]; then
    mkdir -p "$(dirname "$PREFIX")"
    rm -rf "$PREFIX.new"
    cp -R "$HERE" "$PREFIX.new"
    rm -rf "$PREFIX"
    mv "$PREFIX.new" "$PREFIX"
fi

# 2. The two commands.
mkdir -p "$BIN"
ln -sf "$PREFIX/cabledesk" "$BIN/cabledesk"
ln -sf "$PREFIX/cabledesk-cli" "$BIN/cabledesk-cli"

# 3. Desktop entry (absolute Exec, so it works before BIN is on the session's PATH),
#    metadata, icon and MIME types.
SHARE="$PREFIX/share"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -e "s|^Exec=cabledesk |Exec=\"$PREFIX/cabledesk\" |" \
    -e "s|^TryExec=cabledesk\$|TryExec=$PREFIX/cabledesk|" \
    "$SHARE/applications/$APP_ID.desktop" > "$tmp/$APP_ID.desktop"

mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/mime/packages" \
    "$DATA/icons/hicolor/scalable/apps"
cp "$SHARE/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"

# The icon is SVG, which xdg-icon-resource does not take: copied as is.
cp "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg" "$DATA/icons/hicolor/scalable/apps/"
# --mode user with XDG_DATA_HOME=DATA puts the files under DATA, also as root.
if have xdg-mime; then
    XDG_DATA_HOME="$DATA" xdg-mime install --mode user --novendor \
        "$SHARE/mime/packages/cabledesk-mime.xml" 2>/dev/null || true
fi
if have xdg-desktop-menu; then
    XDG_DATA_HOME="$DATA" xdg-desktop-menu install --mode user --novendor \
        "$tmp/$APP_ID.desktop" 2>/dev/null || true
fi
# Whatever the tools did (or where they are missing), every file is where the desktop looks.
[ -f "$DATA/applications/$APP_ID.desktop" ] || cp "$tmp/$APP_ID.desktop" "$DATA/applications/"
[ -f "$DATA/mime/packages/cabledesk-mime.xml" ] \
    || cp "$SHARE/mime/packages/cabledesk-mime.xml" "$DATA/mime/packages/"
refresh_databases

# 4. Double-clicking a .cable or a .contact opens CableDesk (the user's own
#    choice, in ~/.config/mimeapps.list; a system-wide install as root leaves it
#    to the desktop, which offers CableDesk from the entry's MimeType).
if have xdg-mime && [ "$(id -u)" -ne 0 ]; then
    XDG_DATA_HOME="$DATA" xdg-mime default "$APP_ID.desktop" \
        application/x-cabledesk-cable application/x-cabledesk-contact 2>/dev/null || true
fi

say "CableDesk installed in $PREFIX"
say "  commands:     $BIN/cabledesk, $BIN/cabledesk-cli"
say "  desktop file: $DATA/applications/$APP_ID.desktop"
case ":$PATH:" in
    *":$BIN:"*) ;;
    *) say "  note: $BIN is not on your PATH; add it, or log out and in again." ;;
esac
