"""Contact people after the office they sit in, whatever the spacing the cleaner leaves."""

from __future__ import annotations

import pytest

from parsing.contacts import find_contacts
from parsing.pipeline import text_from_string


@pytest.mark.parametrize(("line", "expected"), [
    ("联系人：局应急办 贾 明 ，电话：0354-5221456", ("贾明", "0354-5221456")),
    ("联系人：局应急办 贾明，电话：0354-5221456", ("贾明", "0354-5221456")),
    ("联系人：委应急办  郑凯  0351-3580123", ("郑凯", "0351-3580123")),
    ("联系人：局规划股 宋丽娟  0359-6521108", ("宋丽娟", "0359-6521108")),
    ("联系人：张  敏，电话：0311-1234567", ("张敏", "0311-1234567")),
])
def test_the_person_after_the_office(line, expected):
    _, clean = text_from_string(f"正文。\n{line}\n")
    assert [(c.name, c.phone) for c in find_contacts(clean)] == [expected]
