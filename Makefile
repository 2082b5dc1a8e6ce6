# VănThư — the two commands (README): `make run` and `make test`; `make bench` for the benchmarks.
.PHONY: run test bench lint setup

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh

setup:
	bash scripts/install_system.sh
	bash scripts/ensure_venv.sh
