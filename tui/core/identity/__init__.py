"""Who an actor is across articles: names folded, people and organisations told apart, and every
article's actors resolved into library-wide identities. Pure Python; no screen, no spaCy.

    identities = ActorIdentities()
    identities.add(article_id, analysis)
    identities.local_key(article_id, "Erdoğan")   # "person:recep erdogan"
"""

from __future__ import annotations

from .folding import fold, plain_letters
from .resolver import DOMINANCE, ActorIdentities, Identity

__all__ = ["DOMINANCE", "ActorIdentities", "Identity", "fold", "plain_letters"]
