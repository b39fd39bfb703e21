"""The benchmark behind benchmarks/run.py, in parts a reader takes in one sitting."""
