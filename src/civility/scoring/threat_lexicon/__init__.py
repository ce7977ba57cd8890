"""Word classes of the threat-structure scorer, per language (``scoring/threat_structure.py``).

A threat is a structure more than a word: someone (I, we, someone, "the lads") + intent or
time (will, gonna, tonight, if you...) + harm (a violent act, a weapon, death or injury) +
a target (you, your family, them all). The scorer reads a text as a sequence of word classes
(tags) and a small logistic model weighs their combinations, so a threat written with verbs or
weapons the training rows never used still matches, as long as its words are in the lexicon.

Each language module defines ``LEXICON: dict[str, tuple[str, ...]]``, tag -> entries. Entries
are written *folded*, as ``threats.fold`` writes text: lowercase, accents and diacritics dropped
(é→e, ñ→n, ç→c, ä→a, ß→ss, Turkish ı→i ğ→g ş→s ö→o ü→u), Cyrillic lowercase with ё→е. Text is
cut into tokens at every non-letter ("i'll" → "i", "ll"; "t'egorger" → "t", "egorger").

- ``stem``: a token starting with ``stem`` ("stab" matches stab, stabbed, stabbing);
- ``=word``: exactly that token;
- ``-suffix``: a token ending with ``suffix`` (for inflections: Turkish "-ecegim");
- ``a b``: consecutive tokens, each part in the same notation ("=watch =your =back").
"""

from __future__ import annotations

from typing import Final

TAGS: Final[tuple[str, ...]] = (
    "I",  # first person singular: i, im, ima, yo, io, je, ich, я, ben, eu
    "WE",  # first person plural: we, us, nosotros, noi, on, wir, мы, biz, nos, a gente
    "FUT",  # future / intent / imminence: will, 'll, gonna, going to, about to, voy a
    "YOU",  # second person pronouns, singular and plural, subject / object / clitic
    "YOUR",  # second person possessives
    "THIRD",  # third person pronouns for people: him, her, them, he, she, they
    "SELF_HARM",  # self-harm words and calls: kys, suicide, rope, pills, jump off, hang yourself
    "HARM_V",  # violent action verbs and their slang: kill, stab, shoot, beat, burn, drown
    "WEAPON",  # weapons and violent instruments: knife, gun, bullet, bat, acid, petrol, rope
    "DEATH",  # death and injury outcomes and places: dead, coffin, hospital, wheelchair, blood
    "WEAK",  # harm words with everyday senses too: hit, beat, burn, pay, fire, broken, accident
    "BODY",  # body parts: face, head, teeth, legs, kneecaps, throat
    "KIN",  # family, pets, home and property: mum, wife, kids, dog, house, car
    "COND",  # conditions and triggers: if, unless, or else, next time, again, dare, come near
    "SHOULD",  # ought, deserve, hope, wish, better, needs to, let's
    "SOMEONE",  # indefinite or hired agents: someone, somebody, people, my boys, friends of mine
    "GROUP",  # quantifiers over people: all, every, each, whole, one by one
    "KNOW",  # surveillance and doxxing: know where, address, found, watching, follow, live
    "TIME",  # concrete times: tonight, tomorrow, friday, after school, soon
    "PROMISE",  # oaths and emphasis: promise, swear, mark my words, you'll see, no cap
    "NEG",  # negation: not, don't, never, no
    "GAME",  # games, sport, fiction and performance: game, match, chess, movie, level, boss
    "META",  # reporting, quoting, help, news, condemnation: report, said, police, helpline
    "TECH",  # technology and objects: process, server, battery, disk, app, printer
    "IDIOM",  # hyperbole and play: laughing, lol, haha, kisses, tired, bored, joke
    "INSULT",  # strong insults: idiot, bitch, loser, scum
    # Veiled threats that name no harm: watch your back, be a shame if something happened,
    # i know where you live, you've been warned. They open the gate like a harm word, and the
    # model weighs them (a plan to meet at your house is not a threat; its words are elsewhere).
    "VEILED",
    # Articles, prepositions, conjunctions: no feature of their own; they vote for their
    # language and claim the token (Spanish "el" is not Turkish "el", hand; German "die" is
    # not English "die").
    "FUNC",
)
