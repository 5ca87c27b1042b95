"""Guidance for careers advisers: prompts for a conversation about one person's suggestions."""

from compass.guidance.adviser import Guidance, Taster, plan_guidance
from compass.guidance.wording import (
    GUIDANCE_FILE,
    AdviserWording,
    check_wording,
    load_wording,
)

__all__ = ["GUIDANCE_FILE", "AdviserWording", "Guidance", "Taster", "check_wording", "load_wording",
           "plan_guidance"]
