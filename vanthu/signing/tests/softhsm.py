"""A real PKCS#11 token for the tests: SoftHSM2 with the test signer's key imported."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
TOKEN_LABEL = "VanThu Test Token"
KEY_LABEL = "signer-key"
USER_PIN = "246810"
SO_PIN = "13579111"


@dataclass(frozen=True)
class Token:
    module_path: str
    token_label: str
    key_label: str
    pin: str


def softhsm_token(directory: Path, key_pem: Path) -> Token:
    """Initialise a token under ``directory`` and import ``key_pem``; point SoftHSM2 at it.

    The SOFTHSM2_CONF variable is process-wide and read when the module is first loaded, so
    call this once per test process (a session fixture) before any PKCS#11 use.
    """
    tokens = directory / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = directory / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    util = ["softhsm2-util"]
    subprocess.run(
        [
            *util,
            "--init-token",
            "--free",
            "--label",
            TOKEN_LABEL,
            "--so-pin",
            SO_PIN,
            "--pin",
            USER_PIN,
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *util,
            "--import",
            str(key_pem),
            "--token",
            TOKEN_LABEL,
            "--label",
            KEY_LABEL,
            "--id",
            "01",
            "--pin",
            USER_PIN,
        ],
        check=True,
        capture_output=True,
    )
    return Token(MODULE, TOKEN_LABEL, KEY_LABEL, USER_PIN)
