"""``manage.py verify_pdf``: exit 0 valid and trusted, 1 invalid or unsigned, 2 unreadable."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from vanthu.signing.testpki import Services, TestPKI
from vanthu.signing.tests.pdfs import encrypted_pdf
from vanthu.signing.tests.test_report_store import trust_root_add
from vanthu.signing.tests.verify_pdfs import sign, tamper_header

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def files(
    test_pki: TestPKI,
    pki_services: Services,
    plain_pdf: bytes,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("cli")
    signed = sign(plain_pdf, test_pki.signer)
    contents = {
        "valid": signed,
        "tampered": tamper_header(signed),
        "revoked": sign(plain_pdf, test_pki.revoked),
        "unsigned": plain_pdf,
        "encrypted": encrypted_pdf(plain_pdf),
        "text": b"not a pdf",
    }
    paths = {}
    for name, content in contents.items():
        paths[name] = directory / f"{name}.pdf"
        paths[name].write_bytes(content)
    paths["root_pem"] = directory / "root.pem"
    paths["root_pem"].write_bytes((test_pki.directory / "root.crt").read_bytes())
    return paths


def run(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_pdf", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("name", "code", "status"),
    [
        ("valid", 0, "Hợp lệ"),
        ("tampered", 1, "Không hợp lệ"),
        ("revoked", 1, "Không hợp lệ"),
        ("unsigned", 1, "Không có chữ ký số"),
        ("encrypted", 2, "Không đọc được tệp"),
        ("text", 2, "Không đọc được tệp"),
    ],
)
def test_exit_status_and_text(files: dict[str, Path], name: str, code: int, status: str) -> None:
    exit_code, out, _err = run(str(files[name]), "--trust", str(files["root_pem"]))

    assert exit_code == code
    assert out.startswith(f"{status}:")


def test_json_output(files: dict[str, Path]) -> None:
    exit_code, out, _err = run(str(files["valid"]), "--json", "--trust", str(files["root_pem"]))

    data = json.loads(out)
    assert exit_code == 0
    assert data["status"] == "valid"
    assert data["signatures"][0]["signer_cn"] == "Nguyễn Văn A"
    assert data["signatures"][0]["revocation"] == "checked"


def test_without_the_root_the_signature_is_untrusted(files: dict[str, Path]) -> None:
    exit_code, out, _err = run(str(files["valid"]))

    assert exit_code == 1
    assert "kho chứng thư tin cậy" in out


def test_installation_wide_roots_are_trusted(files: dict[str, Path], test_pki: TestPKI) -> None:
    trust_root_add(test_pki.root.cert_der)

    exit_code, _out, _err = run(str(files["valid"]), "--offline")

    assert exit_code == 0  # valid, with the "revocation not checked" warning


def test_a_missing_file_or_a_bad_root_exits_2(files: dict[str, Path], tmp_path: Path) -> None:
    assert run(str(tmp_path / "missing.pdf"))[0] == 2
    assert run(str(files["valid"]), "--trust", str(files["text"]))[0] == 2
