"""The question journey through the Flask test client: one question per page to results."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from markupsafe import escape
from web_helpers import Journey, Value, default_answer, first_of_type, text_of

from compass.catalogue.vocab import Stage
from compass.questionnaire import Flow, QuestionType, questions_for


def test_start_page_says_what_it_is_and_what_happens_to_answers(client: FlaskClient) -> None:
    page = text_of(client.get("/"))
    assert "Find a health or care job that suits you" in page
    assert "Your answers stay in your browser" in page
    assert 'href="/questions/"' in page


def test_first_question_shows_progress_and_a_back_link(journey: Journey, flow: Flow) -> None:
    client = journey.client
    response = client.get("/questions/")
    assert response.status_code == 302
    page = text_of(client.get(response.headers["Location"]))
    assert "Question 1<" in page  # how many depends on the stage, not known yet
    assert 'class="nhsuk-back-link" href="/"' in page
    second = journey.post("/questions/stage", {"answer": "school"})
    total = len(questions_for(flow, {"stage": "school"}))
    assert f"Question 2 of {total}" in text_of(client.get(second.headers["Location"]))


def test_missing_answer_shows_an_error_summary_linking_to_the_field(journey: Journey) -> None:
    response = journey.post("/questions/stage", {})
    page = text_of(response)
    assert response.status_code == 400
    assert "There is a problem" in page
    assert 'href="#stage-school"' in page and 'id="stage-school"' in page
    assert "<title>Error: " in page


def test_rating_errors_keep_what_was_entered(journey: Journey, flow: Flow) -> None:
    rating = first_of_type(flow, QuestionType.RATING)
    first, second = rating.items[0], rating.items[1]
    journey.answer_until(rating.id, {"stage": "school"})
    response = journey.post(f"/questions/{rating.id}", {f"rate-{first.id}": "dislike"})
    page = text_of(response)
    assert response.status_code == 400
    assert re.search(rf'id="{first.id}-dislike"[^>]*checked', page)
    assert f"Choose like, not sure or dislike for &#39;{escape(second.label)}&#39;" in page
    assert f'href="#{second.id}-like"' in page


def test_too_much_free_text_is_an_error_that_keeps_the_text(journey: Journey, flow: Flow) -> None:
    journey.answer_all()
    long_text = "I like helping people. " * 30
    response = journey.answer(first_of_type(flow, QuestionType.TEXT).id, long_text)
    page = text_of(response)
    assert response.status_code == 400
    assert "Write 500 characters or fewer" in page
    assert long_text.strip()[:100] in page


def test_not_sure_options_are_offered_where_the_flow_allows(journey: Journey, flow: Flow) -> None:
    journey.answer_all({"stage": "college"})
    path = questions_for(flow, journey.answers)
    question = next(q for q in path if q.type is QuestionType.SINGLE and q.options[-1].neutral)
    page = text_of(journey.client.get(f"/questions/{question.id}"))
    assert f'value="{question.options[-1].id}"' in page
    assert "nhsuk-radios__divider" in page


def test_cannot_skip_ahead_of_the_first_unanswered_question(journey: Journey, flow: Flow) -> None:
    journey.answer("stage", "working")
    path = questions_for(flow, journey.answers)
    response = journey.client.get(f"/questions/{path[-1].id}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/questions/{path[1].id}")


def test_unknown_or_off_path_question_is_not_found(journey: Journey, flow: Flow) -> None:
    assert journey.client.get("/questions/no_such_question").status_code == 404
    journey.answer("stage", "working")
    on_path = {q.id for q in questions_for(flow, journey.answers)}
    for question in flow.questions:
        if question.id not in on_path:
            assert journey.client.get(f"/questions/{question.id}").status_code == 404


def test_check_page_lists_every_answer_with_a_change_link(journey: Journey, flow: Flow) -> None:
    text_id = first_of_type(flow, QuestionType.TEXT).id
    page = text_of(journey.answer_all({"stage": "school", text_id: "Drawing"}))
    path = questions_for(flow, journey.answers)
    assert page.count("Change<span") == len(path)
    assert "Drawing" in page
    assert "/questions/stage?change=1" in page


def test_changing_an_answer_returns_to_the_check_page(journey: Journey, flow: Flow) -> None:
    journey.answer_all({"stage": "college"})
    question = questions_for(flow, journey.answers)[-2]
    response = journey.answer(question.id, default_answer(question), change=True)
    assert response.headers["Location"].endswith("/check")


def test_changing_stage_drops_answers_that_no_longer_apply(journey: Journey, flow: Flow) -> None:
    school = questions_for(flow, {"stage": "school"})
    question, option = next((q, o) for q in school for o in q.options
                            if o.stages and Stage.SCHOOL in o.stages
                            and Stage.WORKING not in o.stages)
    journey.answer_all({"stage": "school", question.id: option.id})
    response = journey.answer("stage", "working", change=True)
    # That option is not offered to someone in work, so its question is asked again.
    assert response.headers["Location"].endswith(f"/questions/{question.id}")


def test_results_show_ten_short_cards(journey: Journey) -> None:
    page = text_of(journey.results({"stage": "school"}))
    assert page.count('class="nhsuk-card app-result"') == 10
    assert page.count("<strong>Why:</strong>") == 10  # the one strongest reason
    assert page.count('class="app-result__pay"') == 10 and " a year" in page
    assert "Your best next step" not in page  # one tap away, on the role page
    assert page.count('aria-label="Not for me: ') == 10 and page.count('form="compare-form"') == 10


def test_results_before_finishing_go_back_to_the_questions(client: FlaskClient) -> None:
    response = client.get("/results")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/questions/")


def result_ids(page: str) -> list[str]:
    cards = page.split('id="results"', 1)[1].split("Jobs you said")[0]
    return re.findall(r'name="role" value="([a-z0-9-]+)"', cards)


def test_not_for_me_swaps_a_role_out_and_can_be_undone(journey: Journey) -> None:
    before = result_ids(text_of(journey.results({"stage": "college"})))
    response = journey.post("/results/not-for-me", {"role": before[0]})
    assert response.status_code == 303
    after_page = text_of(journey.client.get("/results"))
    after = result_ids(after_page)
    assert before[0] not in after and len(after) == 10
    assert after[:9] == before[1:]  # the others keep their order; one more joins at the end
    assert response.headers["Location"].endswith("#list-message")
    assert 'id="list-message"' in after_page and "Why is it not for you?" in after_page
    assert "Jobs you said are not for you" in after_page
    journey.post("/results/put-back", {"role": before[0]})
    assert result_ids(text_of(journey.client.get("/results"))) == before


def test_a_reason_for_not_for_me_changes_the_list_openly_and_can_be_undone(journey: Journey) -> None:
    before = result_ids(text_of(journey.results({"stage": "college"})))
    with_blood = [r for r in before if journey.client.application.extensions["compass"].catalogue
                  .role(r).work.clinical_procedures.amount >= 1.0]
    hidden = with_blood[0] if with_blood else before[0]
    journey.post("/results/not-for-me", {"role": hidden})
    response = journey.post("/results/why-not", {"role": hidden, "reason": "blood-and-needles"})
    assert response.status_code == 303
    page = text_of(journey.client.get("/results"))
    assert "We have moved jobs with blood tests and needles down." in page
    catalogue = journey.client.application.extensions["compass"].catalogue
    shown = result_ids(page)
    lots = [r for r in shown if catalogue.role(r).work.clinical_procedures.amount >= 1.0]
    assert not lots or all(shown.index(r) >= len(shown) - len(lots) for r in lots)
    journey.post("/results/why-not/undo", {"role": hidden})
    undone = text_of(journey.client.get("/results"))
    assert "We have moved jobs with blood tests" not in undone and "Why is it not for you?" in undone


def test_neutral_answers_are_said_to_be_neutral(journey: Journey) -> None:
    choices: dict[str, Value] = {"stage": "college"}
    for question in journey.flow.questions:
        ids = [o.id for o in question.options]
        if question.type is QuestionType.RATING:
            choices[question.id] = {item.id: "not_sure" for item in question.items}
        elif question.type is QuestionType.MULTIPLE:
            choices[question.id] = ["none_of_these"] if "none_of_these" in ids else []
        elif "not_sure" in ids or "rather_not_say" in ids:
            choices[question.id] = "not_sure" if "not_sure" in ids else "rather_not_say"
    page = text_of(journey.results(choices))
    assert "did not point to one kind of job yet" in page
    catalogue = journey.client.application.extensions["compass"].catalogue
    families = [catalogue.role(r).family for r in result_ids(page)]
    assert len(set(families)) == len(families) == 10  # a deliberate spread, one per family
    journey.post("/clear", {})
    journey.answers.clear()
    assert "did not point" not in text_of(journey.results({"stage": "college"}))


def test_see_more_shows_the_next_ten(journey: Journey) -> None:
    first = result_ids(text_of(journey.results({"stage": "working"})))
    more = result_ids(text_of(journey.client.get("/results?show=20")))
    assert len(more) == 20
    assert more[:10] == first


def test_clear_my_answers_removes_everything(journey: Journey) -> None:
    journey.results()
    response = journey.post("/clear", {})
    assert response.status_code == 303
    assert "compass=;" in response.headers.get("Set-Cookie", "")
    assert journey.client.get("/results").status_code == 302
    assert "Your answers have been cleared" in text_of(journey.client.get("/?cleared=1"))
