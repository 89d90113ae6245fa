from classify.normalize import fold, normalize_text, split_pages


def test_nfc_soft_hyphen_ligatures_nbsp():
    raw = "Na\u0308ringslivs\u00adprogram \ufb01nns\u00a0här"
    assert normalize_text(raw) == "Näringslivsprogram finns här"


def test_hyphenation_across_line_break_is_joined():
    assert normalize_text("Det nya näringslivs-\nprogrammet gäller") == "Det nya näringslivsprogrammet gäller"
    assert normalize_text("NÄRINGSLIVS-\nPROGRAM") == "NÄRINGSLIVSPROGRAM"


def test_suspended_compound_is_kept():
    assert normalize_text("Näringslivs-\noch tillväxtstrategi") == "Näringslivs-\noch tillväxtstrategi"
    assert normalize_text("NÄRINGSLIVS- OCH TILLVÄXTSTRATEGI") == "NÄRINGSLIVS- OCH TILLVÄXTSTRATEGI"


def test_upper_case_heading_split_by_hyphen_and_space():
    assert normalize_text("NÄRINGSLIVS- PROGRAM 2016–2019") == "NÄRINGSLIVSPROGRAM 2016–2019"


def test_letter_spaced_heading():
    assert normalize_text("N Ä R I N G S L I V S P R O G R A M") == "NÄRINGSLIVSPROGRAM"
    assert normalize_text("T I L L V Ä X T   S T R A T E G I") == "TILLVÄXT STRATEGI"
    # ordinary text with short words is untouched
    assert normalize_text("i en av de fyra") == "i en av de fyra"


def test_idempotent_and_pages_kept():
    raw = "Rubrik\u00ad\r\nNärings-\nliv  och   mer\f\fSida tre"
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert once.count("\f") == 2
    assert split_pages("a\fb") == ["a", "b"]


def test_fold_keeps_length():
    s = "İstanbul NÄRINGSLIV"
    assert len(fold(s)) == len(s)
    assert fold("NÄRINGSLIV") == "näringsliv"
