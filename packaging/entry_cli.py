"""PyInstaller entry point of the ``cabledesk-cli`` executable (the command line)."""

from cabledesk.cli.main import run

if __name__ == "__main__":
    run()
