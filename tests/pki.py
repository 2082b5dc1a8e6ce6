"""The test PKI and its loopback CRL and time-stamp services, for signing tests outside ``signing``.

Re-export the fixtures from a test module or a ``conftest.py`` (``from tests.pki import pki,
services`` with ``__all__``); each module builds its own PKI (the signing app's own tests keep a
session-wide one in ``vanthu/signing/tests/conftest.py``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from vanthu.signing.testpki import Services, TestPKI, build_test_pki, loopback_services


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPKI:
    return build_test_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def services(pki: TestPKI) -> Iterator[Services]:
    with loopback_services(pki) as running:
        yield running
