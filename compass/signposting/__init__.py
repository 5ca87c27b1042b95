"""Next steps: for a role and a person, the ways in that fit and who in Leeds helps with each.

The one home for signposting. The results card, 'Your next steps', the role page, the
printout and the adviser's page all show what :func:`plan_next_steps` returns, trimmed only
by how much room each page has, never re-ranked or re-filtered.
"""

from compass.signposting.plan import NextSteps, Section, plan_next_steps
from compass.signposting.steps import MAX_SIGNPOSTS, SignpostCache, Step, make_step, suited
from compass.signposting.tasters import Taster, current_age, tasters_for

__all__ = ["MAX_SIGNPOSTS", "NextSteps", "Section", "SignpostCache", "Step", "Taster", "current_age",
           "make_step", "plan_next_steps", "suited", "tasters_for"]
