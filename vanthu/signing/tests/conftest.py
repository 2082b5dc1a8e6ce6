"""Shared fixtures of the signing tests: the test PKI, its loopback services, NSS, a sample PDF."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from vanthu.signing.testpki import Services, TestPKI, build_test_pki, loopback_services
from vanthu.signing.tests.pdfs import nss_db, sample_pdf
from vanthu.signing.tests.softhsm import Token, softhsm_token


@pytest.fixture(scope="session")
def test_pki(tmp_path_factory: pytest.TempPathFactory) -> TestPKI:
    return build_test_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def pki_services(test_pki: TestPKI) -> Iterator[Services]:
    with loopback_services(test_pki) as services:
        yield services


@pytest.fixture(scope="session")
def nssdir(test_pki: TestPKI, tmp_path_factory: pytest.TempPathFactory) -> str:
    return nss_db(tmp_path_factory.mktemp("nss"), test_pki.root_path)


@pytest.fixture(scope="session")
def plain_pdf() -> bytes:
    return sample_pdf()


@pytest.fixture(scope="session")
def soft_token(test_pki: TestPKI, tmp_path_factory: pytest.TempPathFactory) -> Token:
    directory = tmp_path_factory.mktemp("softhsm")
    key = directory / "signer.key"
    key.write_bytes(test_pki.signer.key_pem)
    return softhsm_token(directory, key)
