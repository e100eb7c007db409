# PolicyDesk — the two commands: `make run` and `make test`.
# Both set everything up on a fresh Debian 12 machine (as root) and are fast when it is all there.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SYSTEM_PACKAGES := fonts-wqy-microhei xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxkbcommon-x11-0 libxcb-shape0 libxcb-xkb1 libxcb-render-util0 libxcb-image0 libegl1 \
	libgl1 libfontconfig1 libdbus-1-3 libreoffice-writer poppler-utils

.PHONY: run test lint system-packages install bench clean

# With no display, `policydesk gui` says so in one line; the whole loop then runs headless into out/.
run: install
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(VENV)/bin/policydesk gui; \
	else \
		$(VENV)/bin/policydesk gui || true; \
		QT_QPA_PLATFORM=offscreen $(PY) -m desktop.demo out; \
	fi

test: install
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
	$(VENV)/bin/ruff check .

lint: install
	$(VENV)/bin/ruff check .

bench: install
	bench/run

install: system-packages $(STAMP)

# Installs only what is missing; apt-get runs at most once per machine.
system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e ".[test,bench]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) out .pytest_cache
