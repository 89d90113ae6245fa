from classify.validity import assess_validity

from tests.classify.conftest import make_text

PROGRAM_2015 = (
    "Näringslivsprogram för Exempel kommun 2015–2018\nAntaget av kommunfullmäktige 2015-04-27, § 61\f"
    "Inledning\nKommunen ska vara en bra plats för företag. Vision 2030: Exempel är Sveriges bästa företagskommun."
)


def test_year_range_in_title_and_the_year_parameter():
    doc = make_text(PROGRAM_2015, "Näringslivsprogram för Exempel kommun 2015–2018")
    v17 = assess_validity(doc, 2017)
    assert (v17.valid_from, v17.valid_to, v17.valid_in_year) == ("2015-01-01", "2018-12-31", True)
    v23 = assess_validity(doc, 2023)
    assert v23.valid_in_year is False
    # the same evidence decides both years
    assert v17.evidence["valid_to"][0].quote in doc.pages[0]


def test_vision_horizon_and_kpi_years_are_not_validity():
    doc = make_text("Tillväxtstrategi\nAntagen av kommunfullmäktige 2016-05-10\f"
                    "Vår vision 2030 är ett starkt näringsliv. Målet är 500 nya jobb till 2025.")
    v = assess_validity(doc, 2017)
    assert v.valid_to is None
    assert v.valid_from == "2016-05-10"
    assert v.valid_in_year is True


def test_predecessor_dates_are_not_the_period():
    doc = make_text("Näringslivsstrategi\nFastställd av kommunfullmäktige 2016-03-16\f"
                    "Strategin ersätter det tidigare näringslivsprogrammet 2010–2014 och gäller tills vidare.")
    v = assess_validity(doc, 2017)
    assert v.valid_from == "2016-03-16" and v.valid_to is None
    assert v.until_further_notice is True and v.valid_in_year is True


def test_adopted_in_december_for_next_period_not_valid_in_that_year():
    doc = make_text("Näringslivsplan för Exempel kommun 2018–2021\nAntagen av kommunfullmäktige den 14 december 2017, § 118")
    assert assess_validity(doc, 2017).valid_in_year is False
    assert assess_validity(doc, 2018).valid_in_year is True


def test_galler_till_och_med_and_extension():
    doc = make_text("Näringslivsprogram\nAntaget av KF 2014-02-20.\nProgrammet gäller till och med 2016. "
                    "Genom beslut i kommunstyrelsen förlängs programmet att gälla till och med 2018.")
    v = assess_validity(doc, 2017)
    assert v.valid_to == "2018-12-31" and v.valid_in_year is True


ADOPTION_ONLY = "Näringslivspolicy\nAntagen av kommunfullmäktige 2016-02-23, § 12\fKommunen ska ha ett gott företagsklimat."


def test_adoption_only_is_open_ended_from_the_adoption_date():
    doc = make_text(ADOPTION_ONLY)
    v = assess_validity(doc, 2017)
    assert (v.valid_from, v.valid_to, v.until_further_notice, v.valid_in_year) == ("2016-02-23", None, True, True)
    assert not v.flags
    # "until further notice" is read from the adoption sentence itself, quoted from its page
    (ev,) = v.evidence["until_further_notice"]
    assert ev.page == 1 and ev.quote == "Antagen av kommunfullmäktige 2016-02-23, § 12"
    assert ev.quote in doc.pages[0]


def test_adoption_only_stays_valid_years_later_but_is_flagged():
    doc = make_text(ADOPTION_ONLY)
    assert not assess_validity(doc, 2020).flags  # four years after the adoption: no doubt yet
    v = assess_validity(doc, 2023)
    assert (v.until_further_notice, v.valid_in_year) == (True, True)
    assert any("open-ended" in f and "too far" in f and "2016-02-23" in f for f in v.flags), v.flags


def test_adoption_only_is_not_valid_before_the_adoption_year():
    doc = make_text("Tillväxtstrategi\nFastställd av kommunstyrelsen den 12 mars 2019\fKommunen ska växa.")
    v = assess_validity(doc, 2017)
    assert (v.valid_from, v.until_further_notice, v.valid_in_year) == ("2019-03-12", True, False)
    assert assess_validity(doc, 2019).valid_in_year is True


def test_adoption_with_an_end_or_draft_is_not_open_ended():
    revised = make_text("Näringslivsprogram\nAntaget av kommunfullmäktige 2016-02-15. Programmet ska revideras senast 2019.")
    v = assess_validity(revised, 2023)
    assert (v.valid_from, v.valid_to, v.until_further_notice, v.valid_in_year) == ("2016-02-15", "2019-12-31", False, False)
    draft = make_text("Näringslivsstrategi\nBeslutad av kommunstyrelsen 2016-10-03\f"
                      "Remissversion – synpunkter lämnas senast 30 november.\fKommunen ska växa.")
    d = assess_validity(draft, 2017)
    assert d.adopted == "2016-10-03" and d.draft
    assert d.valid_in_year is False and d.until_further_notice is False


def test_tills_vidare_is_flagged_only_long_after_its_start():
    doc = make_text("Näringslivspolicy\nAntagen av kommunfullmäktige 2010-09-25. Policyn gäller tills vidare.")
    assert assess_validity(doc, 2017).flags == []
    late = assess_validity(doc, 2019)
    assert late.valid_in_year is True and any("tills vidare" in f for f in late.flags)


def test_draft_is_not_in_force():
    doc = make_text("REMISSVERSION\nNäringslivsprogram 2017–2020\nSynpunkter senast 2016-10-01")
    v = assess_validity(doc, 2017)
    assert v.draft is True and v.valid_in_year is False


def test_weak_evidence_only_gives_no_answer():
    doc = make_text("Näringslivsstrategi\nDnr KS 2016/123\fKommunen ska underlätta för företag.")
    v = assess_validity(doc, 2017, {"pdf_created": "2016-04-01T10:00:00"})
    assert v.valid_from is None and v.valid_in_year is None
    assert any("weak" in f for f in v.flags)


def test_mandate_period_and_short_range():
    doc = make_text("Program för näringslivet\fProgrammet gäller under mandatperioden 2015–2018.")
    v = assess_validity(doc, 2016)
    assert (v.valid_from, v.valid_to, v.valid_in_year) == ("2015-01-01", "2018-12-31", True)
    doc2 = make_text("Tillväxtprogram 2016–19\nAntaget av kommunfullmäktige 2016-01-28")
    assert assess_validity(doc2, 2019).valid_to == "2019-12-31"


def test_single_year_in_title_is_the_end_with_adoption_as_start():
    doc = make_text("Tillväxtstrategi Exempel 2020\nAntagen av kommunfullmäktige 2015-10-19", "Tillväxtstrategi Exempel 2020")
    v = assess_validity(doc, 2017)
    assert (v.valid_from, v.valid_to, v.valid_in_year) == ("2015-10-19", "2020-12-31", True)
