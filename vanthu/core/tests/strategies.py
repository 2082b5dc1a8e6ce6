"""Hypothesis strategies for Vietnamese text and dates."""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import strategies as st

_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_VOWELS = "aăâeêioôơuưy"


def _alphabet() -> str:
    letters = set("bcdđghklmnpqrstvx" + "fjwz")
    letters |= {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES}
    letters |= {c.upper() for c in letters}
    return "".join(sorted(letters))


VIETNAMESE_LETTERS = _alphabet()

_CODE = r"[0-9]{1,4}(/[A-Z]{2,4}(-[A-Z]{2,4})?)?"  # "26/KH-SNV"
vietnamese_words = st.text(alphabet=VIETNAMESE_LETTERS, min_size=1, max_size=8)
vietnamese_text = st.lists(
    st.one_of(vietnamese_words, st.from_regex(_CODE, fullmatch=True)),
    max_size=12,
).map(" ".join)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))

# Real syllables from official documents (lower case).
_SYLLABLE_TEXT = (
    "cộng hòa xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc ủy ban nhân dân tỉnh huyện sở"
    " nội vụ quyết định về việc ban hành kế hoạch kiểm tra công tác văn thư lưu trữ năm các cơ"
    " quan đơn vị báo cáo thông tư nghị chính phủ bộ trưởng giám đốc phó tịch trường học hồ sơ"
    " tài liệu số ký hiệu ngày tháng gửi nơi nhận như trên thực hiện theo quy chế làm đề khẩn"
    " thượng hỏa tốc mật tuyệt giải chuyển phát có và là thì nhà bên mà ông bà tôi gì yên xin"
    " chào hàng bán mường khương giữa quyền khuỷu rượu thuở xoong"
)
SYLLABLES = _SYLLABLE_TEXT.split()


def _capitalise_ascii_initial(word: str) -> str:
    return word[0].upper() + word[1:] if word[0].isascii() else word


real_words = st.sampled_from(SYLLABLES).flatmap(
    lambda w: st.sampled_from(sorted({w, _capitalise_ascii_initial(w)}))
)
real_text = st.lists(real_words, min_size=1, max_size=10).map(" ".join)
