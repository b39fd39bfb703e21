"""Allow ``python -m zgc_cli``."""

from zgc_cli.cli import main

if __name__ == "__main__":
    main()
