"""Split what someone wrote into clauses, and tell whether each thing in a clause is wanted.

Rules of English, not of the catalogue: contractions are opened ("can't" -> "can not"),
"anything but X" means "not X", a clause ends at a full stop, "but", "though" and similar
words, or where a new "I ..." starts. Within a clause a word is *avoided* when an aversion
word is anywhere in the clause ("blood makes me faint") or a negating word comes before it
("no needles", "I don't want to be a nurse"). "Not bad with computers", "I don't mind
blood" and "not scared of needles" are read as being happy with it. A job mentioned about
someone else ("my dad's a paramedic"), about who they are now ("I'm a young carer") or about
work they have done ("I've done a year as an HCA") is not a wish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONTRACTIONS = (
    (r"\bcan'?t\b", "can not"), (r"\bcannot\b", "can not"), (r"\bwon'?t\b", "will not"),
    (r"\bain'?t\b", "am not"), (r"n't\b", " not"), (r"\bdont\b", "do not"),
    (r"\bdoesnt\b", "does not"), (r"\bdidnt\b", "did not"), (r"\bisnt\b", "is not"),
    (r"\bwouldnt\b", "would not"), (r"\bim\b", "i am"), (r"\bi'm\b", "i am"),
    (r"\bi'd\b", "i would"), (r"\bi'll\b", "i will"), (r"\bi've\b", "i have"),
)
ANYTHING_BUT = r"\b(?:anything|everything|something|any job|anywhere) (?:but|except|apart from|other than)\b"
CLAUSE_BREAK = re.compile(
    r"[.!?;:\n]+|,?\s+\b(?:but|though|although|however|whereas|except|unless)\b\s+"
    r"|,\s+(?:and |so )?(?:now )?(?=i\b)|\s+and\s+(?:now\s+)?(?=i\b)")
GOOD_DESPITE_NEGATION = re.compile(r"\bnot (?:bad|terrible|awful|rubbish) (?:at|with)\b")
TOLERATING = re.compile(
    r"\b(?:do not|does not|would not|will not|not|never) (?:mind|care about|bothered by|bother me|"
    r"bothers me|scared of|afraid of|frightened of|squeamish|put off by)\b"
    r"|\bno (?:problem|issue|issues|problems) with\b|\bfine with\b|\bnot a problem\b")
AVERSION = re.compile(
    r"\b(?:hate[sd]?|hating|can not stand|could not stand|dislike[sd]?|loathe|detest|"
    r"scared|scare[sd]?|afraid|frightened|frighten[s]?|terrified|terrify|terrifies|fear|"
    r"phobia|phobic|faint(?:ed|s|ing)?|pass(?:ed)? out|squeamish|gross|disgusting|yuck|ew+|"
    r"avoid|dread|sick of|fed up|rather not|no way|not for me|nightmare|freak(?:s|ed)? me out|"
    r"panic|horrible|awful|worst|allergic|put off|grim|creeps? me out|makes? me (?:sick|ill|"
    r"feel sick|queasy)|queasy|nope|never again|boring|bored|dull|(?:do|does) my head in|"
    r"brings? me down|rubbish (?:at|with)|bad (?:at|with)|useless (?:at|with)|not good (?:at|with)|"
    r"not great (?:at|with)|not a fan|struggle with|worried about|worries me|not keen|awkward|"
    r"stressful|uncomfortable|embarrassing|too much for me)\b")
# A clause that opens by saying no ("I don't want to clean toilets", "no plumbing").
REFUSAL_START = re.compile(
    r"(?:(?:and|so|but|also|honestly) )?(?:i )?(?:really |just |definitely |honestly )?"
    r"(?:do not|would not|will not|could not|can not|never|no|not|nothing|none|hate|dislike)\b")
# A job in a clause like these is about someone else, who they are now or work they have
# done: not a wish.
NOT_A_WISH = re.compile(
    r"\b(?:my (?:mum|mom|mam|dad|mother|father|brother|sister|aunt|auntie|uncle|nan|nana|gran|"
    r"grandma|grandad|cousin|friend|mate|parents|carer|step ?\w+)(?:'s| is| was| works)|"
    r"(?:he|she|they) (?:is|are|was|were|works?)|i am (?:a|an)(?: young)?|"
    r"i (?:have |had )?(?:worked|work|been working|used to work) as|"
    r"i (?:was|have been|had been|used to be) (?:a|an)|"
    r"(?:done|did|spent|worked) (?:\w+ ){0,3}(?:as|being) (?:a|an))\b")
# A job followed by how long they did it ("HCA for 3 years"), with no wish before it, is
# work they have done ("I want to be an HCA for a year first" is still a wish).
DONE_FOR = re.compile(
    r"\s+(?:for|since) (?:a|an|one|two|three|four|five|six|a few|few|several|\d+) "
    r"(?:years?|months?|weeks?|yrs?)\b|\s+since (?:19|20)\d\d\b")
WISH = re.compile(r"\b(?:want|wanna|would like|like to|love to|hope|hoping|dream|thinking|plan|"
                  r"going to|gonna|become|to be)\b")
DANGLING_REFUSAL = re.compile(
    r"(?:and |so )?(?:i |but i )?(?:really |just |definitely )?(?:do not|would not|will not|never)"
    r" (?:want|wanna|like)(?: to| it| that| them)?(?: at all)?")
NEGATOR = re.compile(r"\b(?:not|no|never|nothing|without|none|nor|neither|hardly|avoid)\b")


@dataclass(frozen=True)
class Clause:
    """One clause as written (for quoting) and in normal form (for matching)."""

    written: str
    text: str
    averse: bool     # an aversion word anywhere in the clause

    @property
    def says_no(self) -> bool:
        """The clause is about something the person does not want."""
        return self.averse or REFUSAL_START.match(self.text) is not None

    @property
    def refuses_what_came_before(self) -> bool:
        """A clause such as "but I really don't want to" that says no to the clause before."""
        return DANGLING_REFUSAL.fullmatch(self.text) is not None

    def is_a_wish_at(self, start: int, end: int) -> bool:
        """Whether a job mentioned from ``start`` to ``end`` can be a wish: not someone
        else's job, who they are now, or work they have done."""
        before = self.text[:start]
        said_before = [m.end() for m in NOT_A_WISH.finditer(before)]
        if said_before and WISH.search(before, said_before[-1]) is None:
            return False  # "I'm a carer", but not "I'm a carer, want to be a nurse"
        return not (DONE_FOR.match(self.text, end) and WISH.search(before) is None)

    def avoided_at(self, start: int) -> bool:
        """Whether something mentioned at ``start`` (an index into ``text``) is avoided."""
        return self.averse or NEGATOR.search(self.text[:start]) is not None


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, contractions opened, 'anything but X' as 'not X'."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    for pattern, replacement in CONTRACTIONS:
        text = re.sub(pattern, replacement, text)
    return re.sub(ANYTHING_BUT, "not", text)


def _parts(written: str) -> list[str]:
    """``written`` cut at clause breaks, except inside 'anything but' and the like."""
    lowered = written.lower()
    protected = [m.span() for m in re.finditer(ANYTHING_BUT, lowered)]
    parts, start = [], 0
    for brk in CLAUSE_BREAK.finditer(lowered):
        if any(a <= brk.start() < b or a < brk.end() <= b for a, b in protected):
            continue
        parts.append(written[start:brk.start()])
        start = brk.end()
    parts.append(written[start:])
    return [p.strip() for p in parts if p.strip()]


def clauses_of(written: str) -> list[Clause]:
    """The clauses of ``written``, each with its aversion flag worked out."""
    found = []
    for part in _parts(written):
        text = GOOD_DESPITE_NEGATION.sub("good with", normalise(part))
        happy = TOLERATING.search(text) is not None
        if happy:
            text = TOLERATING.sub("fine with", text)
        found.append(Clause(part, text, averse=not happy and AVERSION.search(text) is not None))
    return found
