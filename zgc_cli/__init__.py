"""zgc: explore the innovation indicators of Zhongguancun from the command line."""

__version__ = "0.1.0"
