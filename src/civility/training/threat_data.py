"""Templated threat training data in eight languages, written by the Civility team.

The public training pool labels threats only in English, so the learned threat signal never
sees "я тебя зарежу" or "seni öldüreceğim". This module writes such rows from templates: per
language, natively written sentence frames with slots (speaker + future/intent/modal, violent
act, target, time/place, condition, group, self-harm method) and negatives that use the SAME
violent vocabulary harmlessly (idioms, tech, sport, games, news, cooking, fiction,
condemnation, helpline advice), plus insults that threaten nobody and neutral chat.

Template syntax: ``{slot}`` takes an entry of the language's slot list ``slot``; ``{slot:form}``
takes the form ``form`` of a dict entry. Entries may hold placeholders themselves (a violent
act holds its target: ``"{tgt:a} зарежу"``), so one row picks one entry per slot and fills
until no placeholder is left. An entry that lacks a form a template asks for cannot fill it
(a Turkish act written for second person only, say); that combination is skipped.

Split rule (deterministic, independent of the seed):

* Templates are numbered per language and kind (``ru.direct.07`` is the eighth Russian direct
  template). Every fourth one, the numbers 3, 7, 11, ..., is a **dev** template.
* The entries of the held-out slots (``act`` violent acts, ``gact`` group violence, ``sh``
  self-harm methods) are numbered the same way; entries 3, 7, 11, ... are **dev** vocabulary.
* A train template is filled with train vocabulary only; a dev template with dev vocabulary
  only (other slots, such as targets and times, are shared). So no dev row shares a template id
  with a train row, and no train row holds a dev violent act: dev measures unseen wording.
* After chat-style augmentation, a text that comes out twice keeps its first row (train rows
  come first); a text written with both labels is dropped.

Every row is a distinct filled template (before augmentation); the augmenter then restyles
about half of them the way people type in chat (lowercase, no diacritics, typos, short forms,
emoji, "!!!", missing punctuation), seeded, so ``threat_rows(seed)`` is deterministic.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

Entry = str | Mapping[str, str]

LANGS: Final[tuple[str, ...]] = ("en", "es", "ru", "it", "tr", "de", "pt", "fr")
THREAT_KINDS: Final[tuple[str, ...]] = ("direct", "conditional", "indirect", "group", "self_harm")
NEGATIVE_KINDS: Final[tuple[str, ...]] = ("benign_violent_word", "insult_no_threat", "neutral")
BENIGN_TAGS: Final[tuple[str, ...]] = (
    "idiom", "tech", "sport", "game", "news", "cooking", "fiction", "condemnation", "helpline",
)  # fmt: skip
# Rows to write per language and label, shared out over kinds by these weights.
PER_LABEL: Final[int] = 1500
KIND_SHARE: Final[dict[str, float]] = {
    "direct": 0.36,
    "conditional": 0.20,
    "indirect": 0.18,
    "group": 0.11,
    "self_harm": 0.15,
    "benign_violent_word": 0.55,
    "insult_no_threat": 0.22,
    "neutral": 0.23,
}
HELD_OUT_SLOTS: Final[tuple[str, ...]] = ("act", "gact", "sh")
HELD_OUT_EVERY: Final[int] = 4  # numbers n with n % 4 == 3 are dev


@dataclass(frozen=True, slots=True)
class ThreatRow:
    """One templated row: the text, its language, label, kind, template id and split."""

    text: str
    lang: str  # en, es, ru, it, tr, de, pt, fr
    label: int  # 1 = threat, 0 = not a threat
    kind: str  # a threat kind, or benign_violent_word / insult_no_threat / neutral
    template: str  # id of the template that produced it, e.g. "ru.direct.07"
    split: str  # "train" or "dev"


@dataclass(frozen=True, slots=True)
class Lang:
    """One language's slots, templates and chat spellings."""

    code: str
    slots: Mapping[str, Sequence[Entry]]
    # kind -> templates; a benign template starts with its tag ("tech: kill the {proc}").
    templates: Mapping[str, Sequence[str]]
    # Chat spelling without diacritics (the augmenter picks one map per row).
    plain: Sequence[Mapping[str, str]] = ()
    # Short forms people type: (regex, replacement), each applied with some probability.
    short: Sequence[tuple[str, str]] = ()
    # Words whose first letter capitalises differently (Turkish dotted i).
    upper_first: Mapping[str, str] = field(default_factory=dict)
    # Spelling fixes after filling (regex, replacement): French elision, Italian "ad".
    fixups: Sequence[tuple[str, str]] = ()


def is_dev(number: int) -> bool:
    """Whether template or vocabulary entry number ``number`` is held out for dev."""
    return number % HELD_OUT_EVERY == HELD_OUT_EVERY - 1


# =============================================================================================
# English (team-written: moderators' paraphrases of threats seen in chats, not copied text)
# =============================================================================================

EN_SLOTS: Final[dict[str, list[Entry]]] = {
    # Targets. o: object, p: possessive, s: subject, sare: subject + be, lv: "where ... live".
    "tgt": [
        {"o": "you", "p": "your", "s": "you", "sare": "you're", "lv": "you live"},
        {"o": "you", "p": "your", "s": "you", "sare": "you're", "lv": "you sleep"},
        {"o": "him", "p": "his", "s": "he", "sare": "he's", "lv": "he lives"},
        {"o": "her", "p": "her", "s": "she", "sare": "she's", "lv": "she lives"},
        {"o": "your family", "p": "your family's", "s": "your family", "sare": "your family is",
         "lv": "your family lives"},
        {"o": "your kids", "p": "your kids'", "s": "your kids", "sare": "your kids are",
         "lv": "your kids go to school"},
        {"o": "that ref", "p": "that ref's", "s": "that ref", "sare": "that ref is",
         "lv": "that ref lives"},
        {"o": "that mod", "p": "that mod's", "s": "that mod", "sare": "that mod is",
         "lv": "that mod lives"},
        {"o": "your boyfriend", "p": "your boyfriend's", "s": "your boyfriend",
         "sare": "your boyfriend is", "lv": "your boyfriend works"},
    ],
    # Violent acts. b: base form, g: -ing form, s3: third person; key: a fixed part (tests).
    "act": [
        {"b": "kill {tgt:o}", "g": "killing {tgt:o}", "s3": "kills {tgt:o}", "key": "kill"},
        {"b": "stab {tgt:o}", "g": "stabbing {tgt:o}", "s3": "stabs {tgt:o}", "key": "stab"},
        {"b": "shoot {tgt:o}", "g": "shooting {tgt:o}", "s3": "shoots {tgt:o}", "key": "shoot"},
        {"b": "strangle {tgt:o}", "g": "strangling {tgt:o}", "s3": "strangles {tgt:o}",
         "key": "strangl"},
        {"b": "beat {tgt:o} to death", "g": "beating {tgt:o} to death",
         "s3": "beats {tgt:o} to death", "key": "to death"},
        {"b": "break every bone in {tgt:p} body", "g": "breaking every bone in {tgt:p} body",
         "s3": "breaks every bone in {tgt:p} body", "key": "bone"},
        {"b": "cut {tgt:p} throat", "g": "cutting {tgt:p} throat", "s3": "cuts {tgt:p} throat",
         "key": "throat"},
        {"b": "run {tgt:o} over with my car", "g": "running {tgt:o} over with my car",
         "s3": "runs {tgt:o} over", "key": "run"},
        {"b": "burn {tgt:o} alive", "g": "burning {tgt:o} alive", "s3": "burns {tgt:o} alive",
         "key": "burn"},
        {"b": "bash {tgt:p} head in", "g": "bashing {tgt:p} head in",
         "s3": "bashes {tgt:p} head in", "key": "bash"},
        {"b": "put a bullet in {tgt:p} head", "g": "putting a bullet in {tgt:p} head",
         "s3": "puts a bullet in {tgt:p} head", "key": "bullet"},
        {"b": "drown {tgt:o}", "g": "drowning {tgt:o}", "s3": "drowns {tgt:o}", "key": "drown"},
        {"b": "string {tgt:o} up", "g": "stringing {tgt:o} up", "s3": "strings {tgt:o} up",
         "key": "string"},
        {"b": "gut {tgt:o} like a fish", "g": "gutting {tgt:o} like a fish",
         "s3": "guts {tgt:o} like a fish", "key": "like a fish"},
        {"b": "smash {tgt:p} face in", "g": "smashing {tgt:p} face in",
         "s3": "smashes {tgt:p} face in", "key": "smash"},
        {"b": "bury {tgt:o}", "g": "burying {tgt:o}", "s3": "buries {tgt:o}", "key": "bury"},
        {"b": "end {tgt:o}", "g": "ending {tgt:o}", "s3": "ends {tgt:o}", "key": "end"},
        {"b": "make {tgt:o} disappear", "g": "making {tgt:o} disappear",
         "s3": "makes {tgt:o} disappear", "key": "disappear"},
        {"b": "rip {tgt:p} head off", "g": "ripping {tgt:p} head off",
         "s3": "rips {tgt:p} head off", "key": "rip"},
        {"b": "set {tgt:p} house on fire", "g": "setting {tgt:p} house on fire",
         "s3": "sets {tgt:p} house on fire", "key": "on fire"},
        {"b": "knock {tgt:p} teeth out", "g": "knocking {tgt:p} teeth out",
         "s3": "knocks {tgt:p} teeth out", "key": "teeth"},
        {"b": "choke {tgt:o} out", "g": "choking {tgt:o} out", "s3": "chokes {tgt:o} out",
         "key": "chok"},
        {"b": "cave {tgt:p} skull in", "g": "caving {tgt:p} skull in",
         "s3": "caves {tgt:p} skull in", "key": "skull"},
        {"b": "feed {tgt:o} to the dogs", "g": "feeding {tgt:o} to the dogs",
         "s3": "feeds {tgt:o} to the dogs", "key": "dogs"},
    ],
    "when": [
        "", "", "", "tonight", "tomorrow", "after school", "after work", "this weekend",
        "at night", "at the next match", "one of these days", "with my bare hands", "slowly",
        "I swear", "when you least expect it",
    ],
    "cond": [
        "do that again", "post that again", "touch my sister again", "say one more word",
        "show your face here again", "ban me again", "come near my kids", "call me that again",
        "report me again", "talk to my girl again", "disrespect me again", "mention my name",
        "send another message",
    ],
    "demand": [
        "delete that post", "pay me back by friday", "stop texting my girlfriend", "unban me",
        "give me my money", "take that back",
    ],
    "place": [
        "around here", "at the stadium", "near my house", "in this chat again", "on my street",
        "at the gym", "outside the school",
    ],
    "tail": ["", "", "", "see you soon", "sleep tight", "just saying", "think about that", "lol"],
    "lead": ["", "", "", "listen", "bro", "mate", "I'm serious", "no joke", "trust me", "ok"],
    "ntail": ["", "", "", "lol", "haha", "tbh", "ngl", ":)", "fr"],
    "grp": [
        "muslims", "jews", "christians", "immigrants", "refugees", "mexicans", "turks",
        "chelsea fans", "mods", "gypsies", "arabs", "russians",
    ],
    "gact": [
        {"pp": "shot", "b": "shoot", "key": "shot"},
        {"pp": "hanged", "b": "hang", "key": "hang"},
        {"pp": "gassed", "b": "gas", "key": "gas"},
        {"pp": "exterminated", "b": "exterminate", "key": "extermina"},
        {"pp": "slaughtered", "b": "slaughter", "key": "slaughter"},
        {"pp": "wiped out", "b": "wipe out", "key": "wipe"},
        {"pp": "butchered", "b": "butcher", "key": "butcher"},
        {"pp": "lynched", "b": "lynch", "key": "lynch"},
        {"pp": "killed", "b": "kill", "key": "kill"},
    ],
    "sh": [
        {"b": "kill yourself", "key": "kill yourself"},
        {"b": "hang yourself", "key": "hang yourself"},
        {"b": "jump off a bridge", "key": "bridge"},
        {"b": "drink bleach", "key": "bleach"},
        {"b": "slit your wrists", "key": "wrist"},
        {"b": "shoot yourself", "key": "shoot yourself"},
        {"b": "jump in front of a train", "key": "train"},
        {"b": "take a whole bottle of pills", "key": "pills"},
        {"b": "end it", "key": "end it"},
        {"b": "off yourself", "key": "off yourself"},
        {"b": "kys", "key": "kys"},
        {"b": "die in a ditch", "key": "ditch"},
        {"b": "unalive yourself", "key": "unalive"},
    ],
    # Negatives.
    "perf": ["you", "she", "the band", "that comedian", "the drummer", "my little sister", "we"],
    "event": [
        "last night", "on stage", "at the wedding", "in the final", "tonight", "at karaoke",
        "at the open mic", "in the interview",
    ],
    "thing": [
        "this song", "your new haircut", "that pizza", "the new album", "this app", "the trailer",
        "that meme", "her new video",
    ],
    "proc": [
        "the process", "the server", "that container", "the build", "all the workers",
        "the old session", "that cron job", "node",
    ],
    "team": [
        "we", "they", "arsenal", "the lakers", "our team", "the home side", "my kid's team",
        "the under 12s",
    ],
    "game": ["elden ring", "fortnite", "cod", "dark souls", "valorant", "minecraft", "apex"],
    "v": ["kill", "stab", "shoot", "beat up", "hurt", "burn", "hang", "murder"],
    "place_n": [
        "in the city centre", "near the station", "outside a bar", "in a park", "on the highway",
        "at a shopping mall",
    ],
    "adj": [
        "useless", "pathetic", "stupid", "clueless", "ugly", "lazy", "brainless", "annoying",
        "dumb", "worthless", "braindead", "spineless",
    ],
    "noun": [
        "idiot", "clown", "loser", "moron", "troll", "muppet", "donkey", "joke", "fool",
        "noob", "waste of space", "nobody",
    ],
    "greet": ["", "hey", "hi all", "morning", "yo", "hello everyone", "ok so"],
    "q": [
        "anyone know a good pizza place near the station", "what time does the stream start",
        "is the server down for anyone else", "did you finish the homework",
        "who's coming to the game on saturday", "can someone explain the new rules",
        "does anyone have the link to the tournament", "how was your weekend",
        "what are you all playing tonight", "any tips for a first marathon",
    ],
    "fact": [
        "I just got back from holiday", "the match got postponed again",
        "my cat knocked over my coffee",
        "the new update is out", "it's raining here all day", "I finally passed my driving test",
        "we're moving house next month", "the bus was late again",
    ],
    "thx": [
        "the help", "the stream today", "the tips", "sharing this", "the invite", "the quick reply",
    ],
}  # fmt: skip

EN_TEMPLATES: Final[dict[str, list[str]]] = {
    "direct": [
        "{lead} I'm gonna {act:b} {when}",
        "{lead} I will {act:b} {when}",
        "I swear I'll {act:b} {when}",
        "I'm coming to {act:b} {when}",
        "I'm going to {act:b} with my own hands",
        "we will find {tgt:o} and {act:b}",
        "mark my words, I'm going to {act:b}",
        "{lead} I can't wait to {act:b} {when}",
        "next time I see {tgt:o} I'm {act:g}",
        "I'll personally {act:b} {when}",
        "start saying your prayers, I'm going to {act:b} {when}",
        "I will hunt {tgt:o} down and {act:b}",
    ],
    "conditional": [
        "if you {cond}, I'll {act:b}",
        "{cond} and I swear I will {act:b}",
        "{lead} if you {cond} you're dead",
        "{lead} you {cond} and you won't live to see tomorrow",
        "better watch your back, {cond} and I'll {act:b}",
        "if I ever see you {place}, I'll {act:b}",
        "{cond} one more time and you'll end up in a body bag",
        "{lead} keep talking and I'll {act:b} {when}",
        "if you don't {demand}, I will {act:b}",
        "{demand} or I'll {act:b} {when}",
    ],
    "indirect": [
        "someone should {act:b} {when}",
        "I know where {tgt:lv} {tail}",
        "it would be a shame if something happened to {tgt:o} {when}",
        "{lead} {tgt:sare} not going to live much longer",
        "accidents happen, especially to people like {tgt:o}",
        "I hope someone {act:s3} {when}",
        "I'll pay anyone who will {act:b}",
        "{tgt:s} won't make it home {when}",
        "we have people who can {act:b}, {tail}",
        "one day {tgt:s} will just disappear and nobody will ever find the body",
        "sleep with one eye open {tail}",
        "{lead} your days are numbered {tail}",
    ],
    "group": [
        "all {grp} should be {gact:pp}",
        "we should {gact:b} every last one of these {grp}",
        "{lead} death to all {grp} {tail}",
        "time to {gact:b} the {grp}, who's with me",
        "{grp} deserve to be {gact:pp}, every single one",
        "I'm going to {gact:b} as many {grp} as I can {when}",
        "someone needs to {gact:b} all the {grp} in this city",
        "let's go {gact:b} some {grp} {when}",
    ],
    "self_harm": [
        "{lead} go {sh:b}",
        "{lead} just {sh:b} already",
        "do everyone a favour and {sh:b} {tail}",
        "{lead} nobody would miss you, {sh:b}",
        "why don't you {sh:b} {tail}",
        "{lead} you should honestly {sh:b}",
        "please {sh:b}, nobody wants you here",
        "{sh:b}, {noun}",
        "seriously {sh:b} {tail}",
    ],
    "benign_violent_word": [
        "idiom: {perf} absolutely killed it {event}",
        "idiom: {thing} is the bomb {ntail}",
        "idiom: {thing} is killing me {ntail}",
        "tech: how do I kill {proc} without losing data",
        "sport: {team} got slaughtered in the second half {ntail}",
        "game: I keep dying to the last boss in {game} {ntail}",
        "news: police say a man was stabbed {place_n} last night",
        "cooking: beat the eggs, then {cook}",
        "fiction: in the book the detective gets shot in chapter {n}",
        "condemnation: telling people you'll {v} them is never ok, even as a joke",
        "helpline: if you're thinking about {thought}, please {help}",
        "idiom: my feet are killing me after {event2} {ntail}",
        "tech: the script keeps hanging on {step}, any idea why",
        "sport: he shot from outside the box and scored {ntail}",
        "game: just got a triple kill in {game} {ntail}",
        "news: a {victim} was shot dead {place_n} yesterday, police are appealing for witnesses",
        "cooking: {cook2} and let it burn a little for the smoky taste",
        "fiction: I'm writing a scene where the hero stabs the dragon {ntail}",
        "condemnation: threatening to {v} someone is a crime, report it",
        "idiom: {perf} murdered that song {event} {ntail}",
        "tech: just shoot me a message when {proc} is back up",
        "sport: {team} crushed them {score} {ntail}",
        "news: man arrested after threatening to {v} his neighbour",
        "condemnation: someone said they would {v} me so I reported them to the police",
        "idiom: I'd kill for {food} right now {ntail}",
        "tech: terminate {proc} and execute the migration again",
        "game: {perf} sniped me from across the map in {game} {ntail}",
        "cooking: smash the garlic and {cook}",
        "helpline: please don't hurt yourself, {help}",
        "idiom: the photographer is going to shoot us {event} {ntail}",
        "fiction: the villain strangles the king in the first episode of {show}",
    ],
    "insult_no_threat": [
        "you are a {adj} {noun}",
        "what a {adj} {noun} {ntail}",
        "shut up you {adj} {noun}",
        "nobody cares what you think, {noun}",
        "ur such a {adj} {noun}",
        "learn to play, you {adj} {noun}",
        "your opinion is garbage, you {noun}",
        "honestly the most {adj} {noun} in this chat",
    ],
    "neutral": [
        "{greet} {q}",
        "{greet} {fact}",
        "thanks for {thx} {ntail}",
        "{fact}, {q}",
        "{greet} {fact} {ntail}",
    ],
}

EN_SLOTS.update(
    {
        "cook": [
            "fold in the flour", "add a pinch of salt", "whisk in the milk", "pour into the pan",
            "leave it to rest for ten minutes",
        ],
        "cook2": ["sear the steak", "char the peppers", "toast the bread", "grill the onions"],
        "n": ["two", "three", "five", "seven", "twelve"],
        "thought": ["killing yourself", "hurting yourself", "ending it", "suicide"],
        "help": [
            "call a crisis line", "talk to someone you trust", "call 988",
            "call Samaritans on 116 123", "reach out to a friend tonight",
        ],
        "event2": ["the hike", "work", "the concert", "that shift", "standing all day"],
        "step": ["the import", "step three", "the download", "the login"],
        "victim": ["teenager", "man", "woman", "shop owner", "taxi driver"],
        "score": ["5-0", "in the final", "at home", "last night", "by thirty points"],
        "food": ["a pizza", "a coffee", "some sleep", "a burger", "a cold beer"],
        "show": ["that new show", "game of thrones", "the witcher", "the series"],
    }
)  # fmt: skip

EN: Final = Lang(
    code="en",
    slots=EN_SLOTS,
    templates=EN_TEMPLATES,
    short=[
        (r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bgoing to\b", "gonna"),
        (r"\bI'm\b", "im"), (r"\bI'll\b", "ill"), (r"\bplease\b", "pls"),
        (r"\bdon't\b", "dont"), (r"\byou're\b", "ur"), (r"\bwant to\b", "wanna"),
    ],
)  # fmt: skip


# =============================================================================================
# Spanish (team-written by our Spanish-speaking moderators; Spain and Latin American usage)
# =============================================================================================


def _es_act(
    inf: str, p1: str, f1: str, s3: str, rest: str = "", *, dat: bool = False
) -> dict[str, str]:
    """A Spanish act: infinitive, present 1sg (threat as present), future 1sg, subjunctive 3sg.

    Direct-object verbs take the target as a clitic ("matarte", "te mato") or, for nouns, as
    "a tu familia" after the verb; ``dat`` acts take a dative ("romperte los huesos",
    "le rompo los huesos a tu familia").
    """
    rest = f" {rest}" if rest else ""
    if dat:
        return {
            "inf": f"{inf}{{tgt:de}}{rest}{{tgt:dpost}}",
            "p1": f"{{tgt:dp}}{p1}{rest}{{tgt:dpost}}",
            "f1": f"{{tgt:dp}}{f1}{rest}{{tgt:dpost}}",
            "s3": f"{{tgt:dp}}{s3}{rest}{{tgt:dpost}}",
            "key": inf,
        }
    return {
        "inf": f"{inf}{{tgt:enc}}{rest}",
        "p1": f"{{tgt:pro}}{p1}{{tgt:post}}{rest}",
        "f1": f"{{tgt:pro}}{f1}{{tgt:post}}{rest}",
        "s3": f"{{tgt:pro}}{s3}{{tgt:post}}{rest}",
        "key": inf,
    }


ES_SLOTS: Final[dict[str, list[Entry]]] = {
    # enc: after an infinitive; pro/post: before/after a finite verb; de/dp/dpost: dative.
    "tgt": [
        {"enc": "te", "pro": "te ", "post": "", "de": "te", "dp": "te ", "dpost": "",
         "lv": "dónde vives", "g": "o"},
        {"enc": "te", "pro": "te ", "post": "", "de": "te", "dp": "te ", "dpost": "",
         "lv": "dónde trabajas", "g": "a"},
        {"enc": "lo", "pro": "lo ", "post": "", "de": "le", "dp": "le ", "dpost": "",
         "lv": "dónde vive", "g": "o"},
        {"enc": "la", "pro": "la ", "post": "", "de": "le", "dp": "le ", "dpost": "",
         "lv": "dónde vive tu novia", "g": "a"},
        {"enc": " a tu familia", "pro": "", "post": " a tu familia", "de": "le", "dp": "le ",
         "dpost": " a tu familia", "lv": "dónde vive tu familia", "g": "a"},
        {"enc": " a tus hijos", "pro": "", "post": " a tus hijos", "de": "les", "dp": "les ",
         "dpost": " a tus hijos", "lv": "a qué colegio van tus hijos", "g": "os"},
        {"enc": " al árbitro", "pro": "", "post": " al árbitro", "de": "le", "dp": "le ",
         "dpost": " al árbitro", "lv": "dónde vive el árbitro", "g": "o"},
        {"enc": " a ese moderador", "pro": "", "post": " a ese moderador", "de": "le",
         "dp": "le ", "dpost": " a ese moderador", "lv": "dónde vive ese moderador", "g": "o"},
    ],
    "act": [
        _es_act("matar", "mato", "mataré", "mate"),
        _es_act("apuñalar", "apuñalo", "apuñalaré", "apuñale"),
        _es_act("pegar", "pego", "pegaré", "pegue", "un tiro", dat=True),
        _es_act("estrangular", "estrangulo", "estrangularé", "estrangule"),
        _es_act("reventar", "reviento", "reventaré", "reviente", "a golpes"),
        _es_act("romper", "rompo", "romperé", "rompa", "todos los huesos", dat=True),
        _es_act("cortar", "corto", "cortaré", "corte", "el cuello", dat=True),
        _es_act("atropellar", "atropello", "atropellaré", "atropelle", "con el coche"),
        _es_act("quemar", "quemo", "quemaré", "queme", "viv{tgt:g}"),
        _es_act("partir", "parto", "partiré", "parta", "la cara", dat=True),
        _es_act("meter", "meto", "meteré", "meta", "una bala en la cabeza", dat=True),
        _es_act("ahogar", "ahogo", "ahogaré", "ahogue", "en el río"),
        _es_act("colgar", "cuelgo", "colgaré", "cuelgue", "de un árbol"),
        _es_act("rajar", "rajo", "rajaré", "raje"),
        _es_act("enterrar", "entierro", "enterraré", "entierre"),
        _es_act("degollar", "degüello", "degollaré", "degüelle"),
        _es_act("dar", "doy", "daré", "dé", "una paliza", dat=True),
        _es_act("hacer", "hago", "haré", "haga", "desaparecer"),
        _es_act("arrancar", "arranco", "arrancaré", "arranque", "la cabeza", dat=True),
        _es_act("sacar", "saco", "sacaré", "saque", "las tripas", dat=True),
        _es_act("machacar", "machaco", "machacaré", "machaque", "a palos"),
        _es_act("acuchillar", "acuchillo", "acuchillaré", "acuchille"),
    ],
    "when": [
        "", "", "", "esta noche", "mañana", "a la salida del colegio", "cuando salgas del curro",
        "este finde", "en el próximo partido", "un día de estos", "con mis propias manos",
        "poco a poco", "cuando menos te lo esperes",
    ],
    "lead": ["", "", "", "escúchame", "tío", "mira", "te lo digo en serio", "no es broma", "oye"],
    "tail": ["", "", "", "nos vemos pronto", "que duermas bien", "solo digo eso", "piénsalo"],
    "ntail": ["", "", "", "jaja", "jajaja", "la verdad", "xd", "tío", ":)"],
    "cond": [
        "hacer eso", "escribir eso", "tocar a mi hermana", "decir una palabra más",
        "aparecer por aquí", "banearme", "acercarte a mis hijos", "llamarme así", "reportarme",
        "hablar con mi novia", "faltarme al respeto", "mencionar mi nombre",
    ],
    "demand": [
        "borras eso", "me pagas el viernes", "dejas a mi novia en paz", "me desbaneas",
        "me devuelves el dinero", "retiras lo que dijiste",
    ],
    "place": [
        "por aquí", "en el estadio", "cerca de mi casa", "por mi barrio", "en el gimnasio",
        "a la salida del colegio", "en este chat",
    ],
    "grp": [
        "musulmanes", "judíos", "cristianos", "inmigrantes", "moros", "gitanos", "refugiados",
        "culés", "moderadores", "gringos", "rusos", "sudacas",
    ],
    "gact": [
        {"pp": "fusilados", "b": "fusilar", "key": "fusil"},
        {"pp": "ahorcados", "b": "ahorcar", "key": "ahorca"},
        {"pp": "gaseados", "b": "gasear", "key": "gase"},
        {"pp": "exterminados", "b": "exterminar", "key": "extermin"},
        {"pp": "quemados vivos", "b": "quemar vivos", "key": "quema"},
        {"pp": "masacrados", "b": "masacrar", "key": "masacr"},
        {"pp": "apaleados", "b": "apalear", "key": "apale"},
        {"pp": "linchados", "b": "linchar", "key": "linch"},
        {"pp": "eliminados", "b": "eliminar", "key": "elimin"},
    ],
    "sh": [
        {"b": "mátate", "inf": "matarte", "key": "mat"},
        {"b": "ahórcate", "inf": "ahorcarte", "key": "ahorc"},
        {"b": "tírate de un puente", "inf": "tirarte de un puente", "key": "puente"},
        {"b": "bébete la lejía", "inf": "beberte la lejía", "key": "lejía"},
        {"b": "córtate las venas", "inf": "cortarte las venas", "key": "venas"},
        {"b": "pégate un tiro", "inf": "pegarte un tiro", "key": "tiro"},
        {"b": "tírate a las vías del tren", "inf": "tirarte a las vías del tren", "key": "vías"},
        {"b": "tómate todas las pastillas", "inf": "tomarte todas las pastillas",
         "key": "pastillas"},
        {"b": "muérete", "inf": "morirte", "key": "muer"},
        {"b": "suicídate", "inf": "suicidarte", "key": "suicid"},
        {"b": "quítate la vida", "inf": "quitarte la vida", "key": "quit"},
        {"b": "tírate por la ventana", "inf": "tirarte por la ventana", "key": "ventana"},
    ],
    "perf": ["lo petaste", "lo petó", "lo petamos", "la rompiste", "la rompió el grupo",
             "el cómico lo petó", "mi hermana la rompió"],
    "event": ["anoche", "en el escenario", "en la boda", "en la final", "esta noche",
              "en el karaoke", "en la entrevista"],
    "thing": ["esta canción", "tu nuevo corte de pelo", "esa pizza", "el nuevo disco", "esta app",
              "el tráiler", "ese meme", "su último vídeo"],
    "proc": ["el proceso", "el servidor", "ese contenedor", "la build", "todos los workers",
             "la sesión vieja", "ese cron"],
    "team": ["nos", "les", "al madrid le", "al barça le", "a mi equipo le",
             "al equipo de mi hijo le"],
    "game": ["elden ring", "fortnite", "el cod", "dark souls", "valorant", "minecraft"],
    "v": ["matar", "apuñalar", "pegar", "quemar", "ahorcar", "estrangular", "reventar"],
    "place_n": ["en el centro", "cerca de la estación", "a la salida de un bar", "en un parque",
                "en la autopista", "en un centro comercial"],
    "cook": ["añade la harina", "echa una pizca de sal", "incorpora la leche",
             "viértelo en la sartén", "déjalo reposar diez minutos"],
    "n": ["dos", "tres", "cinco", "siete", "doce"],
    "thought": ["quitarte la vida", "hacerte daño", "suicidarte", "acabar con todo"],
    "help": ["llama al 024", "habla con alguien de confianza", "llama a una línea de ayuda",
             "escríbele a un amigo esta noche", "pide ayuda a un profesional"],
    "event2": ["la excursión", "el curro", "el concierto", "ese turno", "estar de pie todo el día"],
    "step": ["la importación", "el paso tres", "la descarga", "el login"],
    "victim": ["joven", "hombre", "taxista", "comerciante", "chico"],
    "score": ["5-0", "en la final", "en casa", "anoche", "por treinta puntos"],
    "food": ["una pizza", "un café", "dormir un poco", "una hamburguesa", "una caña fría"],
    "show": ["esa serie nueva", "juego de tronos", "the witcher", "la serie"],
    "adj": ["patético", "inútil", "ridículo", "insoportable", "cansino", "ignorante",
            "lamentable", "penoso", "de mierda", "sin cerebro", "pesado"],
    "noun": ["idiota", "payaso", "imbécil", "pringado", "perdedor", "troll", "gilipollas",
             "cretino", "pardillo", "paquete", "bocazas", "mamarracho"],
    "greet": ["", "hola", "buenas", "ey", "hola a todos", "bueno", "buenos días"],
    "q": ["alguien sabe de una buena pizzería cerca de la estación",
          "a qué hora empieza el directo", "a alguien más se le ha caído el servidor",
          "has terminado los deberes", "quién viene al partido el sábado",
          "alguien me explica las nuevas reglas", "tenéis el enlace del torneo",
          "qué tal el finde", "a qué jugáis esta noche", "algún consejo para mi primer maratón"],
    "fact": ["acabo de volver de vacaciones", "han vuelto a aplazar el partido",
             "mi gato me ha tirado el café", "ya ha salido la actualización",
             "aquí lleva lloviendo todo el día", "por fin he aprobado el carnet",
             "nos mudamos el mes que viene", "el autobús ha vuelto a llegar tarde"],
    "thx": ["la ayuda", "el directo de hoy", "los consejos", "compartir esto", "la invitación",
            "responder tan rápido"],
}  # fmt: skip

ES_TEMPLATES: Final[dict[str, list[str]]] = {
    "direct": [
        "{lead} voy a {act:inf} {when}",
        "{lead} {act:p1} {when}, te lo juro",
        "te juro que {act:f1} {when}",
        "{lead} voy a ir a {act:inf} {when}",
        "{act:p1} con mis propias manos",
        "voy a buscar{tgt:enc} y {act:p1}",
        "{lead} estoy deseando {act:inf}",
        "pienso {act:inf} {when}",
        "un día de estos {act:p1}, ya verás",
        "te lo digo en serio: {act:f1} {when}",
        "prepárate, que {act:p1} {when}",
        "{lead} vas a ver cómo {act:p1}",
    ],
    "conditional": [
        "si vuelves a {cond}, {act:p1}",
        "vuelve a {cond} y {act:p1} {when}",
        "{lead} si vuelves a {cond} eres hombre muerto",
        "como vuelvas a {cond}, no llegas a mañana",
        "ten cuidado, que como vuelvas a {cond} {act:p1}",
        "como te vea {place}, {act:p1}",
        "vuelve a {cond} y acabas en una caja de pino",
        "{lead} sigue hablando y {act:p1} {when}",
        "o {demand} o {act:p1} {when}",
        "{lead} cuidadito, como vuelvas a {cond} {act:f1}",
    ],
    "indirect": [
        "alguien debería {act:inf} {when}",
        "sé {tgt:lv} {tail}",
        "sería una pena que {tgt:dp}pasara algo{tgt:dpost} {when}",
        "{lead} no vas a vivir mucho más {tail}",
        "los accidentes pasan, sobre todo a gente como tú {tail}",
        "ojalá alguien {act:s3} {when}",
        "le pago a quien se atreva a {act:inf}",
        "{lead} no vas a llegar a casa {when}",
        "tenemos gente que puede {act:inf}, {tail}",
        "un día vas a desaparecer y nadie va a encontrar el cuerpo",
        "duerme con un ojo abierto {tail}",
        "{lead} tus días están contados {tail}",
    ],
    "group": [
        "todos los {grp} deberían ser {gact:pp}",
        "hay que {gact:b} a todos los {grp} {tail}",
        "{lead} muerte a los {grp} {tail}",
        "es hora de {gact:b} a los {grp}, quién se apunta",
        "los {grp} merecen ser {gact:pp}, todos",
        "voy a {gact:b} a todos los {grp} que pueda {when}",
        "alguien tiene que {gact:b} a los {grp} de esta ciudad",
        "vamos a {gact:b} {grp} {when}",
    ],
    "self_harm": [
        "{lead} {sh:b} {tail}",
        "hazle un favor al mundo y {sh:b}",
        "{lead} nadie te echaría de menos, {sh:b}",
        "{sh:b}, {noun}",
        "deberías {sh:inf} {tail}",
        "{lead} anda y {sh:b}",
        "sobras en este mundo, {sh:b}",
        "{lead} a ver si te atreves a {sh:inf}",
        "venga, {sh:b} de una vez",
    ],
    "benign_violent_word": [
        "idiom: {perf} {event} {ntail}",
        "idiom: {thing} es la bomba {ntail}",
        "idiom: me muero de risa con {thing} {ntail}",
        "tech: cómo mato {proc} sin perder datos",
        "sport: {team} dieron una paliza en la segunda parte {ntail}",
        "game: no paro de morir con el último jefe de {game} {ntail}",
        "news: la policía dice que un hombre fue apuñalado {place_n} anoche",
        "cooking: bate los huevos y luego {cook}",
        "fiction: en el libro al detective le disparan en el capítulo {n}",
        "condemnation: decirle a alguien que lo vas a {v} nunca está bien, ni en broma",
        "helpline: si estás pensando en {thought}, por favor {help}",
        "idiom: me están matando los pies después de {event2} {ntail}",
        "tech: el script se cuelga en {step}, alguna idea",
        "sport: disparó desde fuera del área y marcó {ntail}",
        "game: acabo de hacer una triple kill en {game} {ntail}",
        "news: un {victim} murió tiroteado {place_n} ayer, la policía busca testigos",
        "cooking: machaca el ajo y {cook}",
        "fiction: estoy escribiendo una escena en la que el héroe apuñala al dragón {ntail}",
        "condemnation: amenazar con {v} a alguien es un delito, denúncialo",
        "idiom: mataría por {food} ahora mismo {ntail}",
        "tech: mata {proc} y ejecuta la migración otra vez",
        "sport: {team} machacaron {score} {ntail}",
        "news: detenido un hombre por amenazar con {v} a su vecino",
        "condemnation: alguien me dijo que me iba a {v} y lo denuncié a la policía",
        "game: me mataron de un tiro desde la otra punta del mapa en {game} {ntail}",
        "cooking: quema un poco los pimientos para que sepan ahumados",
        "helpline: por favor no te hagas daño, {help}",
        "fiction: el villano estrangula al rey en el primer capítulo de {show}",
        "idiom: este calor me está matando {ntail}",
        "tech: el proceso se murió otra vez, lo relanzo {ntail}",
    ],
    "insult_no_threat": [
        "eres un {noun} {adj}",
        "qué {noun} más {adj} {ntail}",
        "cállate, {noun} {adj}",
        "a nadie le importa lo que pienses, {noun}",
        "aprende a jugar, {noun} {adj}",
        "tu opinión es basura, {noun}",
        "el {noun} más {adj} del chat {ntail}",
        "menudo {noun} estás hecho {ntail}",
    ],
    "neutral": [
        "{greet} {q}",
        "{greet} {fact}",
        "gracias por {thx} {ntail}",
        "{fact}, {q}",
        "{greet} {fact} {ntail}",
    ],
}

ES: Final = Lang(
    code="es",
    slots=ES_SLOTS,
    templates=ES_TEMPLATES,
    plain=[{"ñ": "n", "Ñ": "N"}, {}],
    short=[(r"que", "q"), (r"por", "x"), (r"para", "pa"), (r"también", "tb"),
           (r"estoy", "toy"), (r"de verdad", "dvd")],
)  # fmt: skip


# =============================================================================================
# Russian (team-written by our Russian-speaking moderators; colloquial chat register)
# =============================================================================================


def _ru_act(
    f1: str, inf: str, pl: str, past: str, rest: str = "", *, dat: bool = False
) -> dict[str, str]:
    """A Russian act: future 1sg, infinitive, future 1pl, past (masc.); target in acc. or dat.

    Threats put the pronoun first ("я тебя убью"); a dative act names the body part after
    the verb ("сломаю тебе все кости").
    """
    rest = f" {rest}" if rest else ""
    if dat:
        return {
            "f1": f"{f1} {{tgt:d}}{rest}",
            "inf": f"{inf} {{tgt:d}}{rest}",
            "pl": f"{pl} {{tgt:d}}{rest}",
            "past": f"{past} {{tgt:d}}{rest}",
            "key": f1[:-1],
        }
    return {
        "f1": f"{{tgt:a}} {f1}{rest}",
        "inf": f"{inf} {{tgt:a}}{rest}",
        "pl": f"{{tgt:a}} {pl}{rest}",
        "past": f"{past} {{tgt:a}}{rest}",
        "key": f1[:-1],
    }


RU_SLOTS: Final[dict[str, list[Entry]]] = {
    # a: accusative, d: dative, ins: instrumental, lv: "where ... lives".
    "tgt": [
        {"a": "тебя", "d": "тебе", "ins": "тобой", "lv": "где ты живёшь"},
        {"a": "тебя", "d": "тебе", "ins": "тобой", "lv": "где ты работаешь"},
        {"a": "его", "d": "ему", "ins": "ним", "lv": "где он живёт"},
        {"a": "её", "d": "ей", "ins": "ней", "lv": "где она живёт"},
        {"a": "твою семью", "d": "твоей семье", "ins": "твоей семьёй",
         "lv": "где живёт твоя семья"},
        {"a": "твоих детей", "d": "твоим детям", "ins": "твоими детьми",
         "lv": "в какую школу ходят твои дети"},
        {"a": "этого судью", "d": "этому судье", "ins": "этим судьёй",
         "lv": "где живёт этот судья"},
        {"a": "этого модера", "d": "этому модеру", "ins": "этим модером",
         "lv": "где живёт этот модер"},
    ],
    "act": [
        _ru_act("убью", "убить", "убьём", "убил"),
        _ru_act("зарежу", "зарезать", "зарежем", "зарезал"),
        _ru_act("пристрелю", "пристрелить", "пристрелим", "пристрелил"),
        _ru_act("задушу", "задушить", "задушим", "задушил"),
        _ru_act("изобью", "избить", "изобьём", "избил", "до смерти"),
        _ru_act("сломаю", "сломать", "сломаем", "сломал", "все кости", dat=True),
        _ru_act("перережу", "перерезать", "перережем", "перерезал", "глотку", dat=True),
        _ru_act("перееду", "переехать", "переедем", "переехал", "машиной"),
        _ru_act("сожгу", "сжечь", "сожжём", "сжёг", "заживо"),
        _ru_act("проломлю", "проломить", "проломим", "проломил", "голову", dat=True),
        _ru_act("пущу", "пустить", "пустим", "пустил", "пулю в лоб", dat=True),
        _ru_act("утоплю", "утопить", "утопим", "утопил"),
        _ru_act("повешу", "повесить", "повесим", "повесил"),
        _ru_act("урою", "урыть", "уроем", "урыл"),
        _ru_act("разобью", "разбить", "разобьём", "разбил", "лицо", dat=True),
        _ru_act("закопаю", "закопать", "закопаем", "закопал"),
        _ru_act("прикончу", "прикончить", "прикончим", "прикончил"),
        _ru_act("грохну", "грохнуть", "грохнем", "грохнул"),
        _ru_act("оторву", "оторвать", "оторвём", "оторвал", "голову", dat=True),
        _ru_act("выпущу", "выпустить", "выпустим", "выпустил", "кишки", dat=True),
        _ru_act("замочу", "замочить", "замочим", "замочил"),
        _ru_act("порежу", "порезать", "порежем", "порезал", "на куски"),
        _ru_act("выбью", "выбить", "выбьем", "выбил", "все зубы", dat=True),
        _ru_act("сверну", "свернуть", "свернём", "свернул", "шею", dat=True),
    ],
    "when": [
        "", "", "", "сегодня ночью", "завтра", "после школы", "когда выйдешь с работы",
        "на выходных", "на следующем матче", "на днях", "своими руками", "медленно",
        "когда не ждёшь",
    ],
    "lead": ["", "", "", "слушай", "братан", "короче", "я серьёзно", "без шуток", "запомни"],
    "tail": ["", "", "", "до скорого", "спокойной ночи", "просто говорю", "подумай об этом"],
    "ntail": ["", "", "", "лол", "ахах", "хаха", "кстати", ":)", "))"],
    "cond": [
        "напишешь такое", "тронешь мою сестру", "скажешь ещё слово", "появишься здесь",
        "забанишь меня", "подойдёшь к моим детям", "назовёшь меня так", "кинешь на меня жалобу",
        "заговоришь с моей девушкой", "упомянешь моё имя", "нахамишь мне",
    ],
    "demand": [
        "удалишь этот пост", "вернёшь деньги до пятницы", "отстанешь от моей девушки",
        "разбанишь меня", "заберёшь свои слова назад",
    ],
    "place": ["здесь", "на стадионе", "возле моего дома", "в нашем районе", "в спортзале",
              "у школы", "в этом чате"],
    "grp": [
        {"n": "мусульмане", "a": "мусульман", "d": "мусульманам"},
        {"n": "евреи", "a": "евреев", "d": "евреям"},
        {"n": "христиане", "a": "христиан", "d": "христианам"},
        {"n": "мигранты", "a": "мигрантов", "d": "мигрантам"},
        {"n": "чурки", "a": "чурок", "d": "чуркам"},
        {"n": "цыгане", "a": "цыган", "d": "цыганам"},
        {"n": "хохлы", "a": "хохлов", "d": "хохлам"},
        {"n": "москали", "a": "москалей", "d": "москалям"},
        {"n": "спартачи", "a": "спартачей", "d": "спартачам"},
        {"n": "модеры", "a": "модеров", "d": "модерам"},
        {"n": "беженцы", "a": "беженцев", "d": "беженцам"},
    ],
    "gact": [
        {"inf": "расстрелять", "pp": "расстреляны", "key": "расстрел"},
        {"inf": "повесить", "pp": "повешены", "key": "повес"},
        {"inf": "перерезать", "pp": "перерезаны", "key": "перерез"},
        {"inf": "отправить в газовую камеру", "pp": "отправлены в газовые камеры",
         "key": "газов"},
        {"inf": "убить", "pp": "убиты", "key": "уби"},
        {"inf": "вырезать", "pp": "вырезаны", "key": "выреза"},
        {"inf": "уничтожить", "pp": "уничтожены", "key": "уничтож"},
        {"inf": "истребить", "pp": "истреблены", "key": "истреб"},
        {"inf": "перестрелять", "pp": "перестреляны", "key": "перестрел"},
    ],
    "sh": [
        {"b": "убей себя", "inf": "убить себя", "key": "себя"},
        {"b": "повесься", "inf": "повеситься", "key": "повес"},
        {"b": "прыгни с моста", "inf": "прыгнуть с моста", "key": "моста"},
        {"b": "выпей хлорки", "inf": "выпить хлорки", "key": "хлорк"},
        {"b": "вскрой вены", "inf": "вскрыть вены", "key": "вены"},
        {"b": "застрелись", "inf": "застрелиться", "key": "застрел"},
        {"b": "ляг под поезд", "inf": "лечь под поезд", "key": "поезд"},
        {"b": "наглотайся таблеток", "inf": "наглотаться таблеток", "key": "таблет"},
        {"b": "сдохни", "inf": "сдохнуть", "key": "сдох"},
        {"b": "самоубейся", "inf": "самоубиться", "key": "самоуб"},
        {"b": "выпились", "inf": "выпилиться", "key": "выпил"},
        {"b": "выйди в окно", "inf": "выйти в окно", "key": "окно"},
    ],
    "perf": ["ты просто порвал зал", "она порвала всех", "группа разорвала зал",
             "мы порвали танцпол", "этот комик просто убил", "сестрёнка всех уделала"],
    "event": ["вчера", "на сцене", "на свадьбе", "в финале", "сегодня", "на караоке",
              "на собеседовании"],
    "thing": ["эта песня", "твоя новая стрижка", "эта пицца", "новый альбом", "это приложение",
              "трейлер", "этот мем", "её новое видео"],
    "proc": ["процесс", "сервер", "этот контейнер", "сборку", "всех воркеров", "старую сессию",
             "этот крон"],
    "team": ["наши", "они", "ребята", "юниоры", "пацаны со двора", "сборная"],
    "game": ["elden ring", "фортнайте", "кс", "dark souls", "валоранте", "майнкрафте"],
    "v": ["убить", "зарезать", "избить", "сжечь", "застрелить", "задушить", "повесить"],
    "place_n": ["в центре города", "возле вокзала", "у бара", "в парке", "на трассе",
                "в торговом центре"],
    "cook": ["добавьте муку", "посолите", "влейте молоко", "вылейте на сковороду",
             "дайте постоять десять минут"],
    "n": ["второй", "третьей", "пятой", "седьмой", "двенадцатой"],
    "thought": ["самоубийстве", "том, чтобы причинить себе вред", "том, чтобы покончить с собой"],
    "help": ["позвони на линию доверия", "поговори с тем, кому доверяешь",
             "позвони 8-800-2000-122", "напиши другу прямо сейчас", "обратись к психологу"],
    "event2": ["похода", "смены", "концерта", "работы", "целого дня на ногах"],
    "step": ["импорте", "третьем шаге", "загрузке", "логине"],
    "victim": ["подростка", "мужчину", "таксиста", "владельца магазина", "студента"],
    "score": ["5:0", "в финале", "дома", "вчера", "с разгромным счётом"],
    "food": ["пиццу", "кофе", "пару часов сна", "бургер", "холодное пиво"],
    "adj": ["жалкий", "бесполезный", "тупой", "никчёмный", "убогий", "ленивый", "безмозглый",
            "надоедливый", "конченый", "тупорылый"],
    "noun": ["идиот", "клоун", "неудачник", "дебил", "тролль", "лох", "придурок", "нуб", "ноль",
             "баран", "олень"],
    "greet": ["", "привет", "всем привет", "здрасте", "ну что", "доброе утро", "народ"],
    "q": ["кто-нибудь знает хорошую пиццерию возле вокзала", "во сколько начинается стрим",
          "у кого-то ещё сервер лежит", "ты сделал домашку", "кто идёт на матч в субботу",
          "кто-нибудь может объяснить новые правила", "у кого есть ссылка на турнир",
          "как прошли выходные", "во что играете сегодня",
          "посоветуйте что-нибудь для первого марафона"],
    "fact": ["только что вернулся из отпуска", "матч опять перенесли", "кот опрокинул мой кофе",
             "вышло новое обновление", "у нас весь день дождь", "наконец сдал на права",
             "в следующем месяце переезжаем", "автобус опять опоздал"],
    "thx": ["помощь", "сегодняшний стрим", "советы", "ссылку", "приглашение", "быстрый ответ"],
}  # fmt: skip

RU_TEMPLATES: Final[dict[str, list[str]]] = {
    "direct": [
        "{lead} я {act:f1} {when}",
        "{lead} я тебя найду и {act:f1}",
        "клянусь, {act:f1} {when}",
        "{lead} я приду и {act:f1} {when}",
        "{act:f1} своими руками",
        "мы {act:pl} {when}",
        "{lead} я собираюсь {act:inf} {when}",
        "жди, скоро {act:f1}",
        "в следующий раз, когда увижу, {act:f1}",
        "я тебе обещаю, {act:f1} {when}",
        "молись, я {act:f1} {when}",
        "{lead} я очень хочу {act:inf}",
    ],
    "conditional": [
        "если ещё раз {cond}, я {act:f1}",
        "ещё раз {cond} — и я {act:f1} {when}",
        "{lead} если ещё раз {cond}, ты труп",
        "только попробуй, {cond} ещё раз — и до утра не доживёшь",
        "берегись, если {cond}, {act:f1}",
        "увижу тебя {place} — {act:f1}",
        "ещё раз {cond} — и окажешься в гробу",
        "{lead} продолжай в том же духе, и я {act:f1}",
        "если не {demand}, я {act:f1} {when}",
        "или ты {demand}, или я {act:f1}",
    ],
    "indirect": [
        "кто-нибудь должен {act:inf} {when}",
        "я знаю, {tgt:lv} {tail}",
        "будет очень жаль, если с {tgt:ins} что-нибудь случится {when}",
        "{lead} тебе недолго осталось {tail}",
        "несчастные случаи бывают, особенно с такими, как ты {tail}",
        "чтоб кто-нибудь {act:past} {when}",
        "заплачу любому, кто согласится {act:inf}",
        "{lead} ты до дома не дойдёшь {when}",
        "у нас есть люди, которые могут {act:inf}, {tail}",
        "однажды ты просто исчезнешь, и тело никто не найдёт",
        "спи с открытыми глазами {tail}",
        "{lead} твои дни сочтены {tail}",
    ],
    "group": [
        "всех {grp:a} надо {gact:inf}",
        "{grp:n} должны быть {gact:pp}, все до одного",
        "{lead} смерть {grp:d} {tail}",
        "пора {gact:inf} всех {grp:a}, кто со мной",
        "{grp:a} надо {gact:inf}, всех до единого",
        "я готов {gact:inf} всех {grp:a} {when}",
        "кто-то должен {gact:inf} всех {grp:a} в этом городе",
        "пойдём {gact:inf} {grp:a} {when}",
    ],
    "self_harm": [
        "{lead} {sh:b} {tail}",
        "сделай всем одолжение, {sh:b}",
        "{lead} никто по тебе скучать не будет, {sh:b}",
        "{sh:b}, {noun}",
        "тебе лучше {sh:inf} {tail}",
        "{lead} иди {sh:b}",
        "ты лишний в этом мире, {sh:b}",
        "{lead} слабо {sh:inf}",
        "давай уже, {sh:b}",
    ],
    "benign_violent_word": [
        "idiom: {perf} {event} {ntail}",
        "idiom: {thing} — просто бомба {ntail}",
        "idiom: {thing} меня убивает {ntail}",
        "tech: как убить {proc} без потери данных",
        "sport: {team} разгромили соперника {score} {ntail}",
        "game: постоянно умираю на последнем боссе в {game} {ntail}",
        "news: полиция сообщает, что мужчину ударили ножом {place_n} прошлой ночью",
        "cooking: взбейте яйца, потом {cook}",
        "fiction: в книге детектива убивают в {n} главе",
        "condemnation: угрожать людям, что ты их {v}, — ненормально, даже в шутку",
        "helpline: если ты думаешь о {thought}, пожалуйста, {help}",
        "idiom: ноги просто убиты после {event2} {ntail}",
        "tech: скрипт виснет на {step}, есть идеи",
        "sport: он пробил из-за штрафной и забил {ntail}",
        "game: только что сделал трипл килл в {game} {ntail}",
        "news: {victim} застрелили {place_n} вчера, полиция ищет свидетелей",
        "cooking: раздавите чеснок, потом {cook}",
        "fiction: пишу сцену, где герой убивает дракона {ntail}",
        "condemnation: угрозы {v} кого-то — это преступление, пишите заявление",
        "idiom: убил бы за {food} прямо сейчас {ntail}",
        "tech: убей {proc} и запусти миграцию заново {ntail}",
        "sport: {team} просто уничтожили их {score} {ntail}",
        "news: задержан мужчина, который угрожал {v} соседа",
        "condemnation: мне написали, что хотят меня {v}, я сразу пошёл в полицию",
        "game: меня снайпер убил через всю карту в {game} {ntail}",
        "cooking: слегка обожгите перец на огне, будет вкус дымка {ntail}",
        "helpline: пожалуйста, не причиняй себе вред, {help}",
        "fiction: в первой серии злодей душит короля {ntail}",
        "idiom: эта жара меня убивает {ntail}",
        "tech: процесс опять умер, перезапускаю {ntail}",
    ],
    "insult_no_threat": [
        "ты {adj} {noun}",
        "какой же ты {adj} {noun} {ntail}",
        "заткнись, {adj} {noun}",
        "всем плевать на твоё мнение, {noun}",
        "научись играть, {adj} {noun}",
        "твоё мнение — мусор, {noun}",
        "самый {adj} {noun} в этом чате {ntail}",
        "ну ты и {noun} {ntail}",
    ],
    "neutral": [
        "{greet} {q}",
        "{greet} {fact}",
        "спасибо за {thx} {ntail}",
        "{fact}, {q}",
        "{greet} {fact} {ntail}",
    ],
}

RU: Final = Lang(
    code="ru",
    slots=RU_SLOTS,
    templates=RU_TEMPLATES,
    plain=[{"ё": "е", "Ё": "Е"}],
    short=[(r"\bсейчас\b", "щас"), (r"\bчто\b", "чё"), (r"\bтебя\b", "тя"),
           (r"\bпожалуйста\b", "пж"), (r"\bкороче\b", "крч"), (r"\bспасибо\b", "спс")],
)  # fmt: skip


# =============================================================================================
# Turkish (team-written by our Turkish-speaking moderators; colloquial chat register)
# =============================================================================================


def _tr_act(obj: str, f1: str, a1: str, inf: str, se3: str, pl: str) -> dict[str, str]:
    """A Turkish act: the target part (``obj``: "{tgt:a}", "{tgt:g} kemiklerini") and verb forms.

    f1 future 1sg (öldüreceğim), a1 aorist 1sg (öldürürüm), inf dative verbal noun
    (öldürmeye), se3 conditional 3sg for wishes (keşke biri ... öldürse), pl future 1pl.
    Possessed body parts are written so that 2sg and 3sg coincide (kemiklerini, boğazını).
    """
    return {
        "f1": f"{obj} {f1}",
        "a1": f"{obj} {a1}",
        "inf": f"{obj} {inf}",
        "se3": f"{obj} {se3}",
        "pl": f"{obj} {pl}",
        "key": inf[:-4],
    }


TR_SLOTS: Final[dict[str, list[Entry]]] = {
    # a: accusative, d: dative, g: genitive, lv: "where ... lives" (as an object clause).
    "tgt": [
        {"a": "seni", "d": "sana", "g": "senin", "lv": "nerede oturduğunu"},
        {"a": "seni", "d": "sana", "g": "senin", "lv": "nerede çalıştığını"},
        {"a": "onu", "d": "ona", "g": "onun", "lv": "onun nerede oturduğunu"},
        {"a": "aileni", "d": "ailene", "g": "ailenin", "lv": "ailenin nerede oturduğunu"},
        {"a": "çocuklarını", "d": "çocuklarına", "g": "çocuklarının",
         "lv": "çocuklarının hangi okula gittiğini"},
        {"a": "o hakemi", "d": "o hakeme", "g": "o hakemin", "lv": "o hakemin evini"},
        {"a": "o modu", "d": "o moda", "g": "o modun", "lv": "o modun nerede oturduğunu"},
        {"a": "sevgilini", "d": "sevgiline", "g": "sevgilinin", "lv": "sevgilinin evini"},
    ],
    "act": [
        _tr_act("{tgt:a}", "öldüreceğim", "öldürürüm", "öldürmeye", "öldürse", "öldüreceğiz"),
        _tr_act("{tgt:a}", "bıçaklayacağım", "bıçaklarım", "bıçaklamaya", "bıçaklasa",
                "bıçaklayacağız"),
        _tr_act("{tgt:a}", "vuracağım", "vururum", "vurmaya", "vursa", "vuracağız"),
        _tr_act("{tgt:a}", "boğacağım", "boğarım", "boğmaya", "boğsa", "boğacağız"),
        _tr_act("{tgt:a} döve döve", "öldüreceğim", "öldürürüm", "öldürmeye", "öldürse",
                "öldüreceğiz") | {"key": "döve"},
        _tr_act("{tgt:g} kemiklerini", "kıracağım", "kırarım", "kırmaya", "kırsa", "kıracağız")
        | {"key": "kemik"},
        _tr_act("{tgt:g} gırtlağını", "keseceğim", "keserim", "kesmeye", "kesse", "keseceğiz")
        | {"key": "gırtla"},
        _tr_act("{tgt:a} arabayla", "ezeceğim", "ezerim", "ezmeye", "ezse", "ezeceğiz")
        | {"key": "arabayla"},
        _tr_act("{tgt:a} diri diri", "yakacağım", "yakarım", "yakmaya", "yaksa", "yakacağız")
        | {"key": "diri"},
        _tr_act("{tgt:a}", "gebereceğim", "gebertirim", "gebertmeye", "gebertse",
                "geberteceğiz") | {"f1": "{tgt:a} geberteceğim"},
        _tr_act("{tgt:d} kurşun", "sıkacağım", "sıkarım", "sıkmaya", "sıksa", "sıkacağız")
        | {"key": "kurşun"},
        _tr_act("{tgt:a}", "denize atacağım", "denize atarım", "denize atmaya", "denize atsa",
                "denize atacağız") | {"key": "denize"},
        _tr_act("{tgt:a} ağaca", "asacağım", "asarım", "asmaya", "assa", "asacağız")
        | {"key": "ağaca"},
        _tr_act("{tgt:a} parça parça", "edeceğim", "ederim", "etmeye", "etse", "edeceğiz")
        | {"key": "parça"},
        _tr_act("{tgt:a}", "doğrayacağım", "doğrarım", "doğramaya", "doğrasa", "doğrayacağız"),
        _tr_act("{tgt:a} toprağa", "gömeceğim", "gömerim", "gömmeye", "gömse", "gömeceğiz")
        | {"key": "göm"},
        _tr_act("{tgt:a}", "bitireceğim", "bitiririm", "bitirmeye", "bitirse", "bitireceğiz"),
        _tr_act("{tgt:a}", "yok edeceğim", "yok ederim", "yok etmeye", "yok etse",
                "yok edeceğiz") | {"key": "yok e"},
        _tr_act("{tgt:g} dişlerini", "dökeceğim", "dökerim", "dökmeye", "dökse", "dökeceğiz")
        | {"key": "diş"},
        _tr_act("{tgt:g} evini", "yakacağım", "yakarım", "yakmaya", "yaksa", "yakacağız")
        | {"key": "evini yak"},
        _tr_act("{tgt:a}", "hastanelik edeceğim", "hastanelik ederim", "hastanelik etmeye",
                "hastanelik etse", "hastanelik edeceğiz") | {"key": "hastanelik"},
        _tr_act("{tgt:a}", "mezara sokacağım", "mezara sokarım", "mezara sokmaya",
                "mezara soksa", "mezara sokacağız") | {"key": "mezar"},
        _tr_act("{tgt:a}", "kurşunlayacağım", "kurşunlarım", "kurşunlamaya", "kurşunlasa",
                "kurşunlayacağız"),
        _tr_act("{tgt:g} boynunu", "kıracağım", "kırarım", "kırmaya", "kırsa", "kıracağız")
        | {"key": "boyn"},
    ],
    "when": [
        "", "", "", "bu gece", "yarın", "okul çıkışı", "işten çıkınca", "bu hafta sonu",
        "bir sonraki maçta", "bir gün", "kendi ellerimle", "yavaş yavaş",
        "hiç beklemediğin anda",
    ],
    "lead": ["", "", "", "dinle", "kardeşim", "bak", "ciddiyim", "şaka değil", "lan"],
    "tail": ["", "", "", "yakında görüşürüz", "iyi uykular", "söylemiş olayım", "düşün bunu"],
    "ntail": ["", "", "", "haha", "ahahah", "ya", "valla", ":)", "sjsjsj"],
    "cond": [
        "bunu bir daha yaparsan", "bir daha yazarsan", "kız kardeşime dokunursan",
        "bir kelime daha edersen", "buraya bir daha gelirsen", "beni bir daha banlarsan",
        "çocuklarıma yaklaşırsan", "bana bir daha öyle dersen", "beni şikayet edersen",
        "sevgilimle konuşursan", "bir daha saygısızlık yaparsan",
    ],
    "demand": [
        "o postu sil", "paramı cumaya kadar öde", "sevgilimden uzak dur", "banımı kaldır",
        "paramı geri ver", "sözünü geri al",
    ],
    "place": ["burada", "statta", "evimin yakınında", "mahallemde", "spor salonunda",
              "okulun önünde", "bu sohbette"],
    "grp": [
        {"n": "Suriyeliler", "a": "Suriyelileri", "d": "Suriyelilere"},
        {"n": "Kürtler", "a": "Kürtleri", "d": "Kürtlere"},
        {"n": "Ermeniler", "a": "Ermenileri", "d": "Ermenilere"},
        {"n": "Yahudiler", "a": "Yahudileri", "d": "Yahudilere"},
        {"n": "Hristiyanlar", "a": "Hristiyanları", "d": "Hristiyanlara"},
        {"n": "Araplar", "a": "Arapları", "d": "Araplara"},
        {"n": "göçmenler", "a": "göçmenleri", "d": "göçmenlere"},
        {"n": "Rumlar", "a": "Rumları", "d": "Rumlara"},
        {"n": "Fenerliler", "a": "Fenerlileri", "d": "Fenerlilere"},
        {"n": "modlar", "a": "modları", "d": "modlara"},
        {"n": "Afganlar", "a": "Afganları", "d": "Afganlara"},
    ],
    "gact": [
        {"inf": "kurşuna dizmek", "pp": "kurşuna dizilmeli", "key": "kurşuna diz"},
        {"inf": "asmak", "pp": "asılmalı", "key": "as"},
        {"inf": "gaz odasına sokmak", "pp": "gaz odasına sokulmalı", "key": "gaz odası"},
        {"inf": "katletmek", "pp": "katledilmeli", "key": "katl"},
        {"inf": "öldürmek", "pp": "öldürülmeli", "key": "öldür"},
        {"inf": "kesmek", "pp": "kesilmeli", "key": "kes"},
        {"inf": "yok etmek", "pp": "yok edilmeli", "key": "yok e"},
        {"inf": "boğazlamak", "pp": "boğazlanmalı", "key": "boğazla"},
        {"inf": "temizlemek", "pp": "temizlenmeli", "key": "temizle"},
    ],
    "sh": [
        {"b": "kendini öldür", "key": "kendini öldür"},
        {"b": "kendini as", "key": "kendini as"},
        {"b": "köprüden atla", "key": "köprü"},
        {"b": "çamaşır suyu iç", "key": "çamaşır"},
        {"b": "bileklerini kes", "key": "bilek"},
        {"b": "kafana sık", "key": "kafana"},
        {"b": "trenin önüne atla", "key": "tren"},
        {"b": "bütün hapları iç", "key": "hap"},
        {"b": "geber", "key": "geber"},
        {"b": "intihar et", "key": "intihar"},
        {"b": "öl artık", "key": "öl"},
        {"b": "kendini camdan at", "key": "camdan"},
    ],
    "perf": ["ortalığı yıktın", "ortalığı yıktı", "grup ortalığı yıktı", "resmen döktürdün",
             "kardeşim döktürdü", "bizimkiler ortalığı kırıp geçirdi"],
    "event": ["dün akşam", "sahnede", "düğünde", "finalde", "bu akşam", "karaokede", "mülakatta"],
    "thing": ["bu şarkı", "yeni saçın", "bu pizza", "yeni albüm", "bu uygulama", "fragman",
              "bu caps", "son videosu"],
    "proc": ["süreci", "sunucuyu", "o konteyneri", "build'i", "tüm worker'ları", "eski oturumu",
             "o cron'u"],
    "team": ["bizimkiler", "Galatasaray", "Fener", "takımımız", "gençler", "Beşiktaş"],
    "game": ["elden ring'de", "fortnite'ta", "cs'de", "dark souls'ta", "valorant'ta",
             "minecraft'ta"],
    "v": ["öldürmekle", "bıçaklamakla", "dövmekle", "yakmakla", "vurmakla", "asmakla"],
    "place_n": ["şehir merkezinde", "istasyonun yakınında", "bir barın önünde", "bir parkta",
                "otoyolda", "bir AVM'de"],
    "cook": ["unu ekleyin", "bir tutam tuz atın", "sütü ekleyin", "tavaya dökün",
             "on dakika dinlendirin"],
    "n": ["ikinci", "üçüncü", "beşinci", "yedinci", "on ikinci"],
    "thought": ["intiharı", "kendine zarar vermeyi", "her şeyi bitirmeyi"],
    "help": ["112'yi ara", "güvendiğin biriyle konuş", "bir yardım hattını ara",
             "bu gece bir arkadaşına yaz", "bir uzmandan destek al"],
    "event2": ["yürüyüşten", "vardiyadan", "konserden", "işten", "bütün gün ayakta kalmaktan"],
    "step": ["import'ta", "üçüncü adımda", "indirmede", "girişte"],
    "victim": ["genç", "adam", "taksici", "esnaf", "kadın"],
    "score": ["5-0", "finalde", "evinde", "dün akşam", "farklı skorla"],
    "food": ["bir pizza", "bir kahve", "biraz uyku", "bir hamburger", "soğuk bir bira"],
    "adj": ["işe yaramaz", "zavallı", "aptal", "beyinsiz", "tembel", "çirkin", "sinir bozucu",
            "cahil", "boş", "kafasız"],
    "noun": ["salak", "palyaço", "ezik", "mal", "gerizekalı", "trol", "angut", "çaylak",
             "dangalak", "öküz", "hıyar"],
    "greet": ["", "selam", "merhaba", "herkese selam", "günaydın", "naber", "arkadaşlar"],
    "q": ["istasyonun yakınında iyi bir pizzacı bilen var mı", "yayın saat kaçta başlıyor",
          "sunucu başka kimde çöktü", "ödevi bitirdin mi", "cumartesi maça kim geliyor",
          "yeni kuralları biri açıklayabilir mi", "turnuvanın linki kimde var",
          "hafta sonu nasıldı", "bu akşam ne oynuyorsunuz",
          "ilk maratonum için tavsiyesi olan var mı"],
    "fact": ["tatilden yeni döndüm", "maç yine ertelendi", "kedim kahvemi devirdi",
             "yeni güncelleme çıktı", "burada bütün gün yağmur yağıyor", "sonunda ehliyeti aldım",
             "gelecek ay taşınıyoruz", "otobüs yine gecikti"],
    "thx": ["yardımın", "bugünkü yayın", "tavsiyeler", "paylaştığın", "davet", "hızlı cevap"],
}  # fmt: skip

TR_TEMPLATES: Final[dict[str, list[str]]] = {
    "direct": [
        "{lead} {act:f1} {when}",
        "{lead} yemin ederim {act:f1}",
        "{when} {act:a1}, bak görürsün",
        "{lead} {act:inf} geliyorum {when}",
        "seni bulacağım ve {act:f1}",
        "{act:pl} {when}",
        "{lead} {act:inf} sabırsızlanıyorum",
        "dua et, {act:f1}",
        "bir daha gördüğümde {act:a1}",
        "sana söz veriyorum, {act:f1} {when}",
        "hazır ol, {when} {act:f1}",
        "{lead} {act:inf} geleceğim",
    ],
    "conditional": [
        "{cond} {act:a1}",
        "{lead} {cond} yemin ederim {act:a1}",
        "{lead} {cond} ölürsün",
        "{cond} yarını göremezsin",
        "arkana dikkat et, {cond} {act:a1}",
        "seni {place} görürsem {act:a1}",
        "{cond} tabutla dönersin",
        "{lead} konuşmaya devam et, {act:f1}",
        "{demand} yoksa {act:a1}",
        "{lead} sonra karışmam, {cond} {act:f1}",
    ],
    "indirect": [
        "keşke biri {act:se3} {when}",
        "{tgt:lv} biliyorum {tail}",
        "{tgt:d} bir şey olursa çok yazık olur {when}",
        "{lead} fazla yaşamayacaksın {tail}",
        "kazalar olur, özellikle senin gibilere {tail}",
        "{act:inf} hazır adamlarım var, {tail}",
        "{act:inf} razı olana para veririm",
        "{lead} eve sağ dönemeyeceksin {when}",
        "birileri {act:inf} hazırlanıyor, {tail}",
        "bir gün ortadan kaybolacaksın ve kimse cesedini bulamayacak",
        "geceleri bir gözün açık uyu {tail}",
        "{lead} günlerin sayılı {tail}",
    ],
    "group": [
        "bütün {grp:a} {gact:inf} lazım",
        "{grp:n} tek tek {gact:pp}",
        "{lead} {grp:d} ölüm {tail}",
        "{grp:a} {gact:inf} zamanı geldi, kim benimle",
        "bu {grp:n} hepsi {gact:pp}, bir tanesi bile kalmamalı",
        "{when} bulduğum bütün {grp:a} {gact:inf} istiyorum",
        "bu şehirdeki {grp:a} {gact:inf} lazım",
        "{grp:a} {gact:inf} için toplanıyoruz {when}",
    ],
    "self_harm": [
        "{lead} {sh:b} {tail}",
        "herkese bir iyilik yap ve {sh:b}",
        "{lead} kimse seni özlemez, {sh:b}",
        "{sh:b}, {noun}",
        "bence {sh:b} artık",
        "{lead} git {sh:b}",
        "bu dünyada fazlalıksın, {sh:b}",
        "{lead} hadi {sh:b} de kurtulalım",
        "yeter artık, {sh:b}",
    ],
    "benign_violent_word": [
        "idiom: {event} {perf} {ntail}",
        "idiom: {thing} bomba gibi {ntail}",
        "idiom: {thing} beni öldürüyor {ntail}",
        "tech: {proc} veri kaybetmeden nasıl öldürürüm",
        "sport: {team} rakibi ezdi geçti {score} {ntail}",
        "game: {game} son bossta sürekli ölüyorum {ntail}",
        "news: polis, dün gece {place_n} bir adamın bıçaklandığını açıkladı",
        "cooking: yumurtaları çırpın, sonra {cook}",
        "fiction: kitapta dedektif {n} bölümde vuruluyor",
        "condemnation: birini {v} tehdit etmek şaka bile olsa kabul edilemez",
        "helpline: {thought} düşünüyorsan lütfen {help}",
        "idiom: {event2} sonra ayaklarım öldü {ntail}",
        "tech: script {step} takılıyor, fikri olan var mı",
        "sport: ceza sahası dışından vurdu ve golü attı {ntail}",
        "game: {game} triple kill aldım {ntail}",
        "news: {place_n} bir {victim} silahla vurularak öldürüldü, polis tanık arıyor",
        "cooking: sarımsağı ezin ve {cook}",
        "fiction: kahramanın ejderhayı bıçakladığı bir sahne yazıyorum {ntail}",
        "condemnation: birini {v} tehdit etmek suçtur, şikayet edin",
        "idiom: şu an {food} için öldürürüm {ntail}",
        "tech: {proc} öldür ve migration'ı tekrar çalıştır {ntail}",
        "sport: {team} {score} rakibi darmadağın etti {ntail}",
        "news: komşusunu {v} tehdit eden adam gözaltına alındı",
        "condemnation: biri beni {v} tehdit etti, polise bildirdim",
        "game: {game} haritanın öbür ucundan kafadan vurdular beni {ntail}",
        "cooking: biberleri biraz yakın, isli tadı gelsin {ntail}",
        "helpline: lütfen kendine zarar verme, {help}",
        "fiction: dizinin ilk bölümünde kötü adam kralı boğuyor {ntail}",
        "idiom: bu sıcak beni öldürecek {ntail}",
        "tech: süreç yine öldü, yeniden başlatıyorum {ntail}",
    ],
    "insult_no_threat": [
        "tam bir {adj} {noun}",
        "ne {adj} bir {noun} {ntail}",
        "sus be {adj} {noun}",
        "kimse fikrini umursamıyor, {noun}",
        "oynamayı öğren, {adj} {noun}",
        "fikrin çöp, {noun}",
        "bu sohbetteki en {adj} {noun} sensin {ntail}",
        "{adj} {noun} seni {ntail}",
    ],
    "neutral": [
        "{greet} {q}",
        "{greet} {fact}",
        "{thx} için teşekkürler {ntail}",
        "{fact}, {q}",
        "{greet} {fact} {ntail}",
    ],
}

TR: Final = Lang(
    code="tr",
    slots=TR_SLOTS,
    templates=TR_TEMPLATES,
    plain=[{"ı": "i", "ş": "s", "ğ": "g", "ç": "c", "ö": "o", "ü": "u", "İ": "I", "Ş": "S",
            "Ç": "C", "Ö": "O", "Ü": "U"}, {"ı": "i", "İ": "I"}],
    short=[(r"eceğim\b", "cem"), (r"acağım\b", "cam"), (r"\bbir\b", "bi"),
           (r"\bdeğil\b", "diil"), (r"\btamam\b", "tmm"), (r"\bkardeşim\b", "kanka")],
    upper_first={"i": "İ"},
)  # fmt: skip


# =============================================================================================
# Italian (team-written by our Italian-speaking moderators; colloquial chat register)
# =============================================================================================


def _it_act(
    stem: str, p1: str, f1: str, s3: str, rest: str = "", *, dat: bool = False
) -> dict[str, str]:
    """An Italian act: infinitive stem ("ammazzar" + "ti"), present 1sg, future 1sg, subj. 3sg.

    Clitics go before a finite verb ("ti ammazzo") and onto the infinitive ("ammazzarti"); a
    noun target follows ("ammazzare la tua famiglia": its ``enc`` form starts with the "e" the
    infinitive lost). ``dat`` acts take an indirect object ("ti spacco la faccia", "spacco la
    faccia alla tua famiglia").
    """
    rest = f" {rest}" if rest else ""
    key = stem[:-1]
    if dat:
        return {
            "inf": f"{stem}{{tgt:de}}{rest}{{tgt:dpost}}",
            "p1": f"{{tgt:dp}}{p1}{rest}{{tgt:dpost}}",
            "f1": f"{{tgt:dp}}{f1}{rest}{{tgt:dpost}}",
            "s3": f"{{tgt:dp}}{s3}{rest}{{tgt:dpost}}",
            "key": key,
        }
    return {
        "inf": f"{stem}{{tgt:enc}}{rest}",
        "p1": f"{{tgt:pro}}{p1}{{tgt:post}}{rest}",
        "f1": f"{{tgt:pro}}{f1}{{tgt:post}}{rest}",
        "s3": f"{{tgt:pro}}{s3}{{tgt:post}}{rest}",
        "key": key,
    }


IT_SLOTS: Final[dict[str, list[Entry]]] = {
    "tgt": [
        {"enc": "ti", "pro": "ti ", "post": "", "de": "ti", "dp": "ti ", "dpost": "",
         "g": "o", "lv": "dove abiti", "a2": "a te"},
        {"enc": "ti", "pro": "ti ", "post": "", "de": "ti", "dp": "ti ", "dpost": "",
         "g": "a", "lv": "dove lavori", "a2": "a te"},
        {"enc": "lo", "pro": "lo ", "post": "", "de": "gli", "dp": "gli ", "dpost": "",
         "g": "o", "lv": "dove abita", "a2": "a lui"},
        {"enc": "la", "pro": "la ", "post": "", "de": "le", "dp": "le ", "dpost": "",
         "g": "a", "lv": "dove abita lei", "a2": "a lei"},
        {"enc": "e la tua famiglia", "pro": "", "post": " la tua famiglia", "de": "e",
         "dp": "", "dpost": " alla tua famiglia", "g": "a", "lv": "dove abita la tua famiglia",
         "a2": "alla tua famiglia"},
        {"enc": "e i tuoi figli", "pro": "", "post": " i tuoi figli", "de": "e", "dp": "",
         "dpost": " ai tuoi figli", "g": "i", "lv": "che scuola fanno i tuoi figli",
         "a2": "ai tuoi figli"},
        {"enc": "e quell'arbitro", "pro": "", "post": " quell'arbitro", "de": "e", "dp": "",
         "dpost": " a quell'arbitro", "g": "o", "lv": "dove abita quell'arbitro",
         "a2": "a quell'arbitro"},
        {"enc": "e quel moderatore", "pro": "", "post": " quel moderatore", "de": "e",
         "dp": "", "dpost": " a quel moderatore", "g": "o", "lv": "dove abita quel moderatore",
         "a2": "a quel moderatore"},
    ],
    "act": [
        _it_act("ammazzar", "ammazzo", "ammazzerò", "ammazzi"),
        _it_act("accoltellar", "accoltello", "accoltellerò", "accoltelli"),
        _it_act("sparar", "sparo", "sparerò", "spari", "in testa", dat=True),
        _it_act("strangolar", "strangolo", "strangolerò", "strangoli"),
        _it_act("massacrar", "massacro", "massacrerò", "massacri", "di botte"),
        _it_act("spaccar", "spacco", "spaccherò", "spacchi", "tutte le ossa", dat=True),
        _it_act("tagliar", "taglio", "taglierò", "tagli", "la gola", dat=True),
        _it_act("investir", "investo", "investirò", "investa", "con la macchina"),
        _it_act("bruciar", "brucio", "brucerò", "bruci", "viv{tgt:g}"),
        _it_act("sfondar", "sfondo", "sfonderò", "sfondi", "il cranio", dat=True),
        _it_act("piantar", "pianto", "pianterò", "pianti", "una pallottola in testa", dat=True),
        _it_act("affogar", "affogo", "affogherò", "affoghi", "nel fiume"),
        _it_act("impiccar", "impicco", "impiccherò", "impicchi"),
        _it_act("sgozzar", "sgozzo", "sgozzerò", "sgozzi"),
        _it_act("far", "faccio", "farò", "faccia", "a pezzi"),
        _it_act("seppellir", "seppellisco", "seppellirò", "seppellisca"),
        _it_act("eliminar", "elimino", "eliminerò", "elimini"),
        _it_act("pestar", "pesto", "pesterò", "pesti", "a sangue"),
        _it_act("spezzar", "spezzo", "spezzerò", "spezzi", "le gambe", dat=True),
        _it_act("cavar", "cavo", "caverò", "cavi", "gli occhi", dat=True),
        _it_act("romper", "rompo", "romperò", "rompa", "la faccia", dat=True),
        _it_act("aprir", "apro", "aprirò", "apra", "in due"),
        _it_act("staccar", "stacco", "staccherò", "stacchi", "la testa", dat=True),
        _it_act("scannar", "scanno", "scannerò", "scanni"),
    ],
    "when": [
        "", "", "", "stanotte", "domani", "all'uscita da scuola", "quando esci dal lavoro",
        "questo weekend", "alla prossima partita", "uno di questi giorni", "con le mie mani",
        "lentamente", "quando meno te lo aspetti",
    ],
    "lead": ["", "", "", "ascoltami", "fra", "guarda", "te lo dico seriamente", "non scherzo",
             "senti"],
    "tail": ["", "", "", "a presto", "sogni d'oro", "lo dico e basta", "pensaci"],
    "ntail": ["", "", "", "ahah", "ahahah", "davvero", "raga", ":)", "lol"],
    "cond": [
        "lo rifai", "lo riscrivi", "tocchi ancora mia sorella", "dici un'altra parola",
        "ti fai rivedere qui", "mi banni di nuovo", "ti avvicini ai miei figli",
        "mi chiami ancora così", "mi segnali di nuovo", "parli ancora con la mia ragazza",
        "mi manchi di rispetto",
    ],
    "demand": [
        "cancella quel post", "ridammi i soldi entro venerdì", "lascia in pace la mia ragazza",
        "sbannami", "ritira quello che hai detto",
    ],
    "place": ["qui in giro", "allo stadio", "sotto casa mia", "nel mio quartiere", "in palestra",
              "fuori da scuola", "in questa chat"],
    "grp": [
        {"i": "i musulmani", "ai": "ai musulmani"}, {"i": "gli ebrei", "ai": "agli ebrei"},
        {"i": "i cristiani", "ai": "ai cristiani"}, {"i": "gli immigrati", "ai": "agli immigrati"},
        {"i": "gli zingari", "ai": "agli zingari"}, {"i": "i rom", "ai": "ai rom"},
        {"i": "i terroni", "ai": "ai terroni"}, {"i": "i profughi", "ai": "ai profughi"},
        {"i": "gli juventini", "ai": "agli juventini"},
        {"i": "i moderatori", "ai": "ai moderatori"},
        {"i": "gli albanesi", "ai": "agli albanesi"}, {"i": "i marocchini", "ai": "ai marocchini"},
    ],
    "gact": [
        {"pp": "fucilati", "inf": "fucilare", "key": "fucil"},
        {"pp": "impiccati", "inf": "impiccare", "key": "impicc"},
        {"pp": "gasati", "inf": "gasare", "key": "gas"},
        {"pp": "sterminati", "inf": "sterminare", "key": "stermin"},
        {"pp": "bruciati vivi", "inf": "bruciare vivi", "key": "bruci"},
        {"pp": "massacrati", "inf": "massacrare", "key": "massacr"},
        {"pp": "ammazzati", "inf": "ammazzare", "key": "ammazz"},
        {"pp": "linciati", "inf": "linciare", "key": "linci"},
        {"pp": "eliminati", "inf": "eliminare", "key": "elimin"},
    ],
    "sh": [
        {"b": "ammazzati", "inf": "ammazzarti", "key": "ammazz"},
        {"b": "impiccati", "inf": "impiccarti", "key": "impicc"},
        {"b": "buttati da un ponte", "inf": "buttarti da un ponte", "key": "ponte"},
        {"b": "bevi la candeggina", "inf": "bere la candeggina", "key": "candeggina"},
        {"b": "tagliati le vene", "inf": "tagliarti le vene", "key": "vene"},
        {"b": "sparati in testa", "inf": "spararti in testa", "key": "sparati"},
        {"b": "buttati sotto un treno", "inf": "buttarti sotto un treno", "key": "treno"},
        {"b": "prendi tutte le pillole", "inf": "prendere tutte le pillole", "key": "pillole"},
        {"b": "muori", "inf": "morire", "key": "mor"},
        {"b": "suicidati", "inf": "suicidarti", "key": "suicid"},
        {"b": "togliti la vita", "inf": "toglierti la vita", "key": "vita"},
        {"b": "buttati dalla finestra", "inf": "buttarti dalla finestra", "key": "finestra"},
    ],
    "perf": ["hai spaccato", "lei ha spaccato tutto", "la band ha fatto il botto",
             "abbiamo spaccato", "il comico ha ammazzato tutti dalle risate",
             "mia sorella ha spaccato"],
    "event": ["ieri sera", "sul palco", "al matrimonio", "in finale", "stasera", "al karaoke",
              "al colloquio"],
    "thing": ["questa canzone", "il tuo nuovo taglio", "quella pizza", "il nuovo album",
              "questa app", "il trailer", "quel meme", "il suo ultimo video"],
    "proc": ["il processo", "il server", "quel container", "la build", "tutti i worker",
             "la vecchia sessione", "quel cron"],
    "team": ["noi", "loro", "i ragazzi", "gli under 12", "i nostri", "quelli della Roma"],
    "game": ["elden ring", "fortnite", "cod", "dark souls", "valorant", "minecraft"],
    "v": ["ammazzare", "accoltellare", "picchiare", "bruciare", "impiccare", "strangolare"],
    "place_n": ["in centro", "vicino alla stazione", "fuori da un bar", "in un parco",
                "in autostrada", "in un centro commerciale"],
    "cook": ["aggiungi la farina", "metti un pizzico di sale", "versa il latte",
             "versa tutto in padella", "lascia riposare dieci minuti"],
    "n": ["due", "tre", "cinque", "sette", "dodici"],
    "thought": ["toglierti la vita", "farti del male", "farla finita", "suicidarti"],
    "help": ["chiama il Telefono Amico", "parlane con qualcuno di cui ti fidi",
             "chiama una linea d'ascolto", "scrivi a un amico stasera",
             "chiedi aiuto a uno psicologo"],
    "event2": ["la camminata", "il turno", "il concerto", "il lavoro", "una giornata in piedi"],
    "step": ["l'import", "il terzo passaggio", "il download", "il login"],
    "victim": ["ragazzo", "uomo", "tassista", "negoziante", "passante"],
    "score": ["5-0", "in finale", "in casa", "ieri sera", "di trenta punti"],
    "food": ["una pizza", "un caffè", "un po' di sonno", "un panino", "una birra fresca"],
    "adj": ["inutile", "patetico", "ridicolo", "insopportabile", "ignorante", "penoso",
            "senza cervello", "pesante", "scarso", "pigro"],
    "noun": ["idiota", "pagliaccio", "coglione", "cretino", "fallito", "troll", "imbecille",
             "sfigato", "buffone", "niubbo", "deficiente", "scemo"],
    "greet": ["", "ciao", "ehi", "buongiorno", "ciao a tutti", "raga", "allora"],
    "q": ["qualcuno conosce una buona pizzeria vicino alla stazione",
          "a che ora inizia la live", "il server è giù anche per voi", "hai finito i compiti",
          "chi viene alla partita sabato", "qualcuno mi spiega le nuove regole",
          "qualcuno ha il link del torneo", "com'è andato il weekend", "a cosa giocate stasera",
          "consigli per la mia prima maratona"],
    "fact": ["sono appena tornato dalle vacanze", "hanno rinviato di nuovo la partita",
             "il mio gatto ha rovesciato il caffè", "è uscito il nuovo aggiornamento",
             "qui piove tutto il giorno", "finalmente ho preso la patente",
             "il mese prossimo traslochiamo", "l'autobus era di nuovo in ritardo"],
    "thx": ["l'aiuto", "la live di oggi", "i consigli", "il link", "l'invito",
            "la risposta veloce"],
}  # fmt: skip

IT_TEMPLATES: Final[dict[str, list[str]]] = {
    "direct": [
        "{lead} {act:p1} {when}",
        "{lead} giuro che {act:f1}",
        "ti giuro che {act:p1} {when}",
        "{lead} vengo a {act:inf} {when}",
        "{act:p1} con le mie mani",
        "ti trovo e {act:p1}",
        "{lead} non vedo l'ora di {act:inf}",
        "aspetta e vedrai, {act:p1}",
        "la prossima volta che ti vedo {act:p1}",
        "te lo prometto, {act:f1} {when}",
        "prega, perché {act:p1} {when}",
        "{lead} sto venendo a {act:inf}",
    ],
    "conditional": [
        "se {cond}, {act:p1}",
        "{lead} se {cond} sei un uomo morto",
        "{cond} e {act:p1} {when}",
        "se {cond} non arrivi a domani",
        "guardati le spalle, se {cond} {act:p1}",
        "se ti becco {place}, {act:p1}",
        "se {cond} finisci in una cassa da morto",
        "{lead} continua a parlare e {act:p1}",
        "{demand}, altrimenti {act:p1} {when}",
        "{lead} stai attento, se {cond} {act:f1}",
    ],
    "indirect": [
        "qualcuno dovrebbe {act:inf} {when}",
        "so {tgt:lv} {tail}",
        "sarebbe un peccato se succedesse qualcosa {tgt:a2} {when}",
        "{lead} non vivrai ancora a lungo {tail}",
        "gli incidenti capitano, soprattutto a gente come te {tail}",
        "spero che qualcuno {act:s3} {when}",
        "pago chiunque abbia il coraggio di {act:inf}",
        "{lead} a casa non ci arrivi {when}",
        "abbiamo gente che può {act:inf}, {tail}",
        "un giorno sparirai e nessuno troverà il corpo",
        "dormi con un occhio aperto {tail}",
        "{lead} hai i giorni contati {tail}",
    ],
    "group": [
        "tutti {grp:i} dovrebbero essere {gact:pp}",
        "bisogna {gact:inf} tutti {grp:i} {tail}",
        "{lead} morte {grp:ai} {tail}",
        "è ora di {gact:inf} {grp:i}, chi è con me",
        "{grp:i} meritano di essere {gact:pp}, tutti",
        "voglio {gact:inf} tutti {grp:i} che trovo {when}",
        "qualcuno deve {gact:inf} {grp:i} di questa città",
        "andiamo a {gact:inf} {grp:i} {when}",
    ],
    "self_harm": [
        "{lead} {sh:b} {tail}",
        "fai un favore al mondo e {sh:b}",
        "{lead} nessuno sentirebbe la tua mancanza, {sh:b}",
        "{sh:b}, {noun}",
        "dovresti {sh:inf} {tail}",
        "{lead} vai e {sh:b}",
        "sei di troppo su questo mondo, {sh:b}",
        "{lead} non hai il coraggio di {sh:inf}",
        "dai, {sh:b} una volta per tutte",
    ],
    "benign_violent_word": [
        "idiom: {perf} {event} {ntail}",
        "idiom: {thing} è una bomba {ntail}",
        "idiom: {thing} mi fa morire {ntail}",
        "tech: come faccio ad ammazzare {proc} senza perdere dati",
        "sport: {team} li hanno massacrati {score} {ntail}",
        "game: continuo a morire contro l'ultimo boss di {game} {ntail}",
        "news: secondo la polizia un uomo è stato accoltellato {place_n} ieri sera",
        "cooking: sbatti le uova e poi {cook}",
        "fiction: nel libro il detective viene ucciso nel capitolo {n}",
        "condemnation: dire a qualcuno che lo vuoi {v} non va mai bene, neanche per scherzo",
        "helpline: se stai pensando di {thought}, per favore {help}",
        "idiom: i piedi mi stanno uccidendo dopo {event2} {ntail}",
        "tech: lo script si pianta durante {step}, idee",
        "sport: ha tirato da fuori area e ha segnato {ntail}",
        "game: ho appena fatto una triple kill su {game} {ntail}",
        "news: un {victim} è stato ucciso a colpi di pistola {place_n} ieri, si cercano testimoni",
        "cooking: schiaccia l'aglio e {cook}",
        "fiction: sto scrivendo una scena in cui l'eroe accoltella il drago {ntail}",
        "condemnation: minacciare di {v} qualcuno è reato, segnalatelo",
        "idiom: ucciderei per {food} adesso {ntail}",
        "tech: ammazza {proc} e rilancia la migrazione {ntail}",
        "sport: {team} hanno distrutto gli avversari {score} {ntail}",
        "news: arrestato un uomo che aveva minacciato di {v} il vicino",
        "condemnation: uno mi ha scritto che mi voleva {v} e l'ho denunciato alla polizia",
        "game: mi hanno sparato da tutta la mappa su {game} {ntail}",
        "cooking: fai bruciacchiare un po' i peperoni per il sapore affumicato {ntail}",
        "helpline: per favore non farti del male, {help}",
        "fiction: il cattivo strangola il re nel primo episodio {ntail}",
        "idiom: questo caldo mi sta ammazzando {ntail}",
        "tech: il processo è morto di nuovo, lo riavvio {ntail}",
    ],
    "insult_no_threat": [
        "sei un {noun} {adj}",
        "che {noun} {adj} {ntail}",
        "stai zitto, {noun} {adj}",
        "a nessuno interessa cosa pensi, {noun}",
        "impara a giocare, {noun}",
        "la tua opinione è spazzatura, {noun}",
        "il più {adj} {noun} della chat {ntail}",
        "sei proprio un {noun} {ntail}",
    ],
    "neutral": [
        "{greet} {q}",
        "{greet} {fact}",
        "grazie per {thx} {ntail}",
        "{fact}, {q}",
        "{greet} {fact} {ntail}",
    ],
}

IT: Final = Lang(
    code="it",
    slots=IT_SLOTS,
    templates=IT_TEMPLATES,
    plain=[{}],
    short=[(r"\bche\b", "ke"), (r"\bnon\b", "nn"), (r"\bper\b", "x"), (r"\bcomunque\b", "cmq"),
           (r"\bperché\b", "xké"), (r"\bsei\b", "6")],
    fixups=[(r"\ba (?=[aA])", "ad "), (r"\bi (?=[aeiou])", "gli ")],
)  # fmt: skip


# =============================================================================================
# German (team-written by our German-speaking moderators; colloquial chat register)
# =============================================================================================


def _de_act(pres: str, inf: str, sub3: str, key: str) -> dict[str, str]:
    """A German act; ``{o}`` marks where the target goes.

    pres: after "ich" (verb second, separable particle last: "bring {o} um"); inv: verb first
    after a fronted clause ("dann bring ich dich um"); inf: at the end after a modal ("dich
    umbringen"); sub3: subordinate clause, 3sg ("dass jemand dich umbringt").
    """
    verb, _, rest = pres.partition(" ")
    return {
        "pres": pres,
        "inv": f"{verb} ich {rest}",
        "inf": inf,
        "sub3": sub3,
        "key": key,
    }


DE_SLOTS: Final[dict[str, list[Entry]]] = {
    # a: accusative, d: dative, haus: "your house", lv: "where ... lives".
    "tgt": [
        {"a": "dich", "d": "dir", "haus": "dein Haus", "lv": "wo du wohnst"},
        {"a": "dich", "d": "dir", "haus": "deine Bude", "lv": "wo du arbeitest"},
        {"a": "ihn", "d": "ihm", "haus": "sein Haus", "lv": "wo er wohnt"},
        {"a": "sie", "d": "ihr", "haus": "ihr Haus", "lv": "wo sie wohnt"},
        {"a": "deine Familie", "d": "deiner Familie", "haus": "das Haus deiner Familie",
         "lv": "wo deine Familie wohnt"},
        {"a": "deine Kinder", "d": "deinen Kindern", "haus": "euer Haus",
         "lv": "auf welche Schule deine Kinder gehen"},
        {"a": "den Schiri", "d": "dem Schiri", "haus": "das Haus vom Schiri",
         "lv": "wo der Schiri wohnt"},
        {"a": "diesen Mod", "d": "diesem Mod", "haus": "die Wohnung von diesem Mod",
         "lv": "wo dieser Mod wohnt"},
    ],
    "act": [
        _de_act("bring {tgt:a} um", "{tgt:a} umbringen", "{tgt:a} umbringt", "bring"),
        _de_act("stech {tgt:a} ab", "{tgt:a} abstechen", "{tgt:a} absticht", "stech"),
        _de_act("erschieß {tgt:a}", "{tgt:a} erschießen", "{tgt:a} erschießt", "erschie"),
        _de_act("erwürg {tgt:a}", "{tgt:a} erwürgen", "{tgt:a} erwürgt", "erwürg"),
        _de_act("schlag {tgt:a} tot", "{tgt:a} totschlagen", "{tgt:a} totschlägt", "schl"),
        _de_act("brech {tgt:d} alle Knochen", "{tgt:d} alle Knochen brechen",
                "{tgt:d} alle Knochen bricht", "Knochen"),
        _de_act("schneid {tgt:d} die Kehle durch", "{tgt:d} die Kehle durchschneiden",
                "{tgt:d} die Kehle durchschneidet", "Kehle"),
        _de_act("überfahr {tgt:a} mit dem Auto", "{tgt:a} mit dem Auto überfahren",
                "{tgt:a} mit dem Auto überfährt", "überf"),
        _de_act("zünd {tgt:a} an", "{tgt:a} anzünden", "{tgt:a} anzündet", "zünd"),
        _de_act("schlag {tgt:d} den Schädel ein", "{tgt:d} den Schädel einschlagen",
                "{tgt:d} den Schädel einschlägt", "Schädel"),
        _de_act("jag {tgt:d} eine Kugel in den Kopf", "{tgt:d} eine Kugel in den Kopf jagen",
                "{tgt:d} eine Kugel in den Kopf jagt", "Kugel"),
        _de_act("ertränk {tgt:a}", "{tgt:a} ertränken", "{tgt:a} ertränkt", "ertränk"),
        _de_act("häng {tgt:a} auf", "{tgt:a} aufhängen", "{tgt:a} aufhängt", "häng"),
        _de_act("knall {tgt:a} ab", "{tgt:a} abknallen", "{tgt:a} abknallt", "knall"),
        _de_act("polier {tgt:d} die Fresse", "{tgt:d} die Fresse polieren",
                "{tgt:d} die Fresse poliert", "Fresse"),
        _de_act("verscharr {tgt:a} im Wald", "{tgt:a} im Wald verscharren",
                "{tgt:a} im Wald verscharrt", "verscharr"),
        _de_act("mach {tgt:a} kalt", "{tgt:a} kaltmachen", "{tgt:a} kaltmacht", "kalt"),
        _de_act("lass {tgt:a} verschwinden", "{tgt:a} verschwinden lassen",
                "{tgt:a} verschwinden lässt", "verschwinden"),
        _de_act("reiß {tgt:d} den Kopf ab", "{tgt:d} den Kopf abreißen",
                "{tgt:d} den Kopf abreißt", "reiß"),
        _de_act("fackel {tgt:haus} ab", "{tgt:haus} abfackeln", "{tgt:haus} abfackelt",
                "fackel"),
        _de_act("schlag {tgt:d} die Zähne aus", "{tgt:d} die Zähne ausschlagen",
                "{tgt:d} die Zähne ausschlägt", "Zähne"),
        _de_act("schlag {tgt:a} zu Brei", "{tgt:a} zu Brei schlagen", "{tgt:a} zu Brei schlägt",
                "Brei"),
        _de_act("schlacht {tgt:a} ab", "{tgt:a} abschlachten", "{tgt:a} abschlachtet",
                "schlacht"),
        _de_act("brech {tgt:d} das Genick", "{tgt:d} das Genick brechen",
                "{tgt:d} das Genick bricht", "Genick"),
    ],
    # Fronted time phrases (the verb follows: "heute Nacht bring ich dich um").
    "zeit": ["heute Nacht", "morgen", "nach der Schule", "nach der Arbeit", "am Wochenende",
             "beim nächsten Spiel", "irgendwann", "eines Tages", "ganz langsam",
             "wenn du es am wenigsten erwartest"],
    "lead": ["", "", "", "hör zu", "digga", "alter", "ich mein das ernst", "kein Witz", "pass auf"],
    "tail": ["", "", "", "bis bald", "schlaf gut", "nur so als Info", "denk mal drüber nach"],
    "ntail": ["", "", "", "haha", "lol", "xD", "ehrlich", ":)", "digga"],
    "cond": [
        "das noch einmal machst", "das noch mal postest", "meine Schwester noch mal anfasst",
        "noch ein Wort sagst", "dich hier noch mal blicken lässt", "mich noch mal bannst",
        "meinen Kindern zu nahe kommst", "mich noch mal so nennst", "mich noch mal meldest",
        "noch mal mit meiner Freundin redest", "mich noch mal beleidigst",
    ],
    "demand": [
        "lösch den Post", "zahl mir bis Freitag mein Geld", "lass meine Freundin in Ruhe",
        "entbann mich", "nimm das zurück",
    ],
    "place": ["hier", "im Stadion", "in meiner Straße", "im Gym", "vor der Schule",
              "in diesem Chat", "bei mir im Viertel"],
    "grp": [
        {"n": "Muslime", "d": "Muslimen"}, {"n": "Juden", "d": "Juden"},
        {"n": "Christen", "d": "Christen"}, {"n": "Ausländer", "d": "Ausländern"},
        {"n": "Flüchtlinge", "d": "Flüchtlingen"}, {"n": "Kanaken", "d": "Kanaken"},
        {"n": "Türken", "d": "Türken"}, {"n": "Zigeuner", "d": "Zigeunern"},
        {"n": "Schalker", "d": "Schalkern"}, {"n": "Mods", "d": "Mods"},
        {"n": "Araber", "d": "Arabern"}, {"n": "Russen", "d": "Russen"},
    ],
    "gact": [
        {"pp": "erschossen", "inf": "erschießen", "key": "erschoss"},
        {"pp": "aufgehängt", "inf": "aufhängen", "key": "häng"},
        {"pp": "vergast", "inf": "vergasen", "key": "vergas"},
        {"pp": "ausgerottet", "inf": "ausrotten", "key": "rott"},
        {"pp": "an die Wand gestellt", "inf": "an die Wand stellen", "key": "Wand"},
        {"pp": "verbrannt", "inf": "verbrennen", "key": "verbr"},
        {"pp": "abgeknallt", "inf": "abknallen", "key": "knall"},
        {"pp": "gelyncht", "inf": "lynchen", "key": "lynch"},
        {"pp": "abgeschlachtet", "inf": "abschlachten", "key": "schlacht"},
    ],
    "sh": [
        {"b": "bring dich um", "key": "bring dich"},
        {"b": "häng dich auf", "key": "häng dich"},
        {"b": "spring von einer Brücke", "key": "Brücke"},
        {"b": "trink Bleiche", "key": "Bleiche"},
        {"b": "schneid dir die Pulsadern auf", "key": "Pulsadern"},
        {"b": "erschieß dich", "key": "erschieß dich"},
        {"b": "leg dich vor einen Zug", "key": "Zug"},
        {"b": "nimm alle Tabletten auf einmal", "key": "Tabletten"},
        {"b": "stirb", "key": "stirb"},
        {"b": "verreck", "key": "verreck"},
        {"b": "geh sterben", "key": "sterben"},
        {"b": "spring aus dem Fenster", "key": "Fenster"},
    ],
    "perf": ["du hast echt abgeräumt", "sie hat alles abgerissen",
             "die Band hat alles weggeballert", "wir haben die Bühne zerlegt",
             "der Comedian hat alle umgehauen", "meine kleine Schwester hat's gerockt"],
    "event": ["gestern", "auf der Bühne", "auf der Hochzeit", "im Finale", "heute Abend",
              "beim Karaoke", "im Vorstellungsgespräch"],
    "thing": ["der Song", "deine neue Frisur", "die Pizza", "das neue Album", "die App",
              "der Trailer", "das Meme", "ihr neues Video"],
    "proc": ["den Prozess", "den Server", "den Container", "den Build", "alle Worker",
             "die alte Session", "den Cronjob"],
    "team": ["wir", "die Bayern", "unsere Jungs", "die U12", "die Gäste", "die Dortmunder"],
    "game": ["Elden Ring", "Fortnite", "CoD", "Dark Souls", "Valorant", "Minecraft"],
    "v": [{"zu": "umzubringen", "inf": "umbringen"}, {"zu": "abzustechen", "inf": "abstechen"},
          {"zu": "zu erschießen", "inf": "erschießen"},
          {"zu": "zu verprügeln", "inf": "verprügeln"},
          {"zu": "anzuzünden", "inf": "anzünden"}, {"zu": "aufzuhängen", "inf": "aufhängen"}],
    "place_n": ["in der Innenstadt", "am Bahnhof", "vor einer Bar", "in einem Park",
                "auf der Autobahn", "in einem Einkaufszentrum"],
    "cook": ["das Mehl unterheben", "eine Prise Salz dazugeben", "die Milch einrühren",
             "alles in die Pfanne geben", "zehn Minuten ruhen lassen"],
    "n": ["zwei", "drei", "fünf", "sieben", "zwölf"],
    "thought": ["dir das Leben zu nehmen", "dir wehzutun", "Schluss zu machen",
                "dich umzubringen"],
    "help": ["ruf bitte die Telefonseelsorge an", "sprich mit jemandem, dem du vertraust",
             "ruf 0800 111 0 111 an", "schreib heute noch einem Freund", "hol dir bitte Hilfe"],
    "event2": ["der Wanderung", "der Schicht", "dem Konzert", "der Arbeit",
               "einem Tag auf den Beinen"],
    "step": ["dem Import", "Schritt drei", "dem Download", "dem Login"],
    "victim": ["Jugendlicher", "Mann", "Taxifahrer", "Ladenbesitzer", "Passant"],
    "score": ["5:0", "im Finale", "zu Hause", "gestern", "mit dreißig Punkten"],
    "food": ["eine Pizza", "einen Kaffee", "ein bisschen Schlaf", "einen Burger",
             "ein kaltes Bier"],
    "adj": ["nutzloser", "erbärmlicher", "dummer", "ahnungsloser", "hässlicher", "fauler",
            "hirnloser", "nerviger", "peinlicher", "lächerlicher"],
    "noun": ["Idiot", "Clown", "Versager", "Vollidiot", "Troll", "Lauch", "Penner", "Noob",
             "Hohlkopf", "Trottel", "Spinner", "Schwachkopf"],
    "greet": ["", "hey", "hallo", "moin", "servus", "hi zusammen", "na"],
    "q": ["kennt wer eine gute Pizzeria am Bahnhof", "wann fängt der Stream an",
          "ist der Server bei noch jemandem down", "hast du die Hausaufgaben fertig",
          "wer kommt Samstag mit zum Spiel", "kann jemand die neuen Regeln erklären",
          "hat wer den Link zum Turnier", "wie war euer Wochenende", "was zockt ihr heute Abend",
          "habt ihr Tipps für meinen ersten Marathon"],
    "fact": ["bin grad aus dem Urlaub zurück", "das Spiel wurde schon wieder verschoben",
             "meine Katze hat meinen Kaffee umgeschmissen", "das neue Update ist draußen",
             "hier regnet es den ganzen Tag", "hab endlich den Führerschein",
             "wir ziehen nächsten Monat um", "der Bus war schon wieder zu spät"],
    "thx": ["die Hilfe", "den Stream heute", "die Tipps", "den Link", "die Einladung",
            "die schnelle Antwort"],
}  # fmt: skip

DE_TEMPLATES: Final[dict[str, list[str]]] = {
    "direct": [
        "{lead} ich {act:pres}",
        "{zeit} {act:inv}",
        "ich schwöre, ich {act:pres}",
        "{lead} ich komm vorbei und {act:pres}",
        "{zeit} werde ich {act:inf}",
        "wir werden {tgt:a} finden und {act:inf}",
        "{lead} ich will {act:inf}",
        "warte nur, ich {act:pres}",
        "beim nächsten Mal {act:inv}",
        "ich versprech dir, ich {act:pres}",
        "bete lieber, {zeit} {act:inv}",
        "{lead} ich werde {act:inf}, versprochen",
    ],
    "conditional": [
        "wenn du {cond}, {act:inv}",
        "{lead} wenn du {cond}, bist du tot",
        "wenn du {cond}, dann {act:inv}",
        "wenn du {cond}, erlebst du den nächsten Tag nicht",
        "pass bloß auf, wenn du {cond}, {act:inv}",
        "wenn ich dich {place} sehe, {act:inv}",
        "{lead} wenn du {cond}, landest du im Leichensack",
        "red nur weiter, dann {act:inv}",
        "{demand}, sonst {act:inv}",
        "{lead} {demand} oder du bist tot",
    ],
    "indirect": [
        "jemand sollte {act:inf}",
        "ich weiß, {tgt:lv} {tail}",
        "wäre doch schade, wenn {tgt:d} {zeit} was passiert",
        "{lead} du lebst nicht mehr lange {tail}",
        "Unfälle passieren, besonders Leuten wie dir {tail}",
        "ich hoffe, dass jemand {act:sub3}",
        "ich zahl jedem was, der {act:sub3}",
        "{lead} du kommst {zeit} nicht lebend nach Hause",
        "wir haben Leute, die {act:inf} können, {tail}",
        "eines Tages verschwindest du einfach und keiner findet die Leiche",
        "schlaf lieber mit einem offenen Auge {tail}",
        "{lead} deine Tage sind gezählt {tail}",
    ],
    "group": [
        "alle {grp:n} gehören {gact:pp}",
        "man sollte alle {grp:n} {gact:inf}",
        "{lead} Tod allen {grp:d} {tail}",
        "die {grp:n} müssen alle {gact:pp} werden, wer ist dabei",
        "{grp:n} sollten alle {gact:pp} werden",
        "ich werde so viele {grp:n} {gact:inf} wie ich kann",
        "jemand muss endlich die {grp:n} in dieser Stadt {gact:inf}",
        "heute Nacht gehen wir {grp:n} {gact:inf}",
    ],
    "self_harm": [
        "{lead} {sh:b} {tail}",
        "tu allen einen Gefallen und {sh:b}",
        "{lead} niemand würde dich vermissen, {sh:b}",
        "{sh:b}, du {noun}",
        "am besten {sh:b} einfach",
        "{lead} geh und {sh:b}",
        "die Welt braucht dich nicht, {sh:b}",
        "{lead} mach schon, {sh:b}",
        "echt jetzt, {sh:b}",
    ],
    "benign_violent_word": [
        "idiom: {perf} {event} {ntail}",
        "idiom: {thing} ist echt ne Bombe {ntail}",
        "idiom: {thing} bringt mich um {ntail}",
        "tech: wie kille ich {proc} ohne Datenverlust",
        "sport: {team} haben die {score} abgeschlachtet {ntail}",
        "game: ich sterbe ständig am letzten Boss in {game} {ntail}",
        "news: laut Polizei wurde ein Mann {place_n} letzte Nacht niedergestochen",
        "cooking: die Eier schlagen, dann {cook}",
        "fiction: im Buch wird der Kommissar in Kapitel {n} erschossen",
        "condemnation: jemandem zu drohen, ihn {v:zu}, ist nie ok, auch nicht als Witz",
        "helpline: wenn du daran denkst, {thought}, {help}",
        "idiom: meine Füße bringen mich um nach {event2} {ntail}",
        "tech: das Skript hängt bei {step}, hat wer eine Idee",
        "sport: er hat von außerhalb des Strafraums geschossen und getroffen {ntail}",
        "game: grad nen Triple Kill in {game} geholt {ntail}",
        "news: ein {victim} wurde gestern {place_n} erschossen, die Polizei sucht Zeugen",
        "cooking: den Knoblauch zerdrücken und {cook}",
        "fiction: ich schreibe eine Szene, in der der Held den Drachen ersticht {ntail}",
        "condemnation: jemandem zu drohen, ihn {v:zu}, ist eine Straftat, meldet das",
        "idiom: ich würde für {food} grad töten {ntail}",
        "tech: kill {proc} und führ die Migration nochmal aus {ntail}",
        "sport: {team} haben die {score} komplett zerlegt {ntail}",
        "news: Mann festgenommen, nachdem er gedroht hatte, seinen Nachbarn {v:zu}",
        "condemnation: jemand hat geschrieben, er will mich {v:inf}, ich hab's gemeldet",
        "game: wurde in {game} quer über die Map weggesnipet {ntail}",
        "cooking: die Paprika kurz anbrennen lassen, das gibt Röstaroma {ntail}",
        "helpline: bitte tu dir nichts an, {help}",
        "fiction: der Bösewicht erwürgt den König in der ersten Folge {ntail}",
        "idiom: die Hitze bringt mich noch um {ntail}",
        "tech: der Prozess ist schon wieder gestorben, ich starte neu {ntail}",
    ],
    "insult_no_threat": [
        "du bist so ein {adj} {noun}",
        "was für ein {adj} {noun} {ntail}",
        "halt die Klappe, du {adj} {noun}",
        "keinen interessiert deine Meinung, {noun}",
        "lern spielen, du {adj} {noun}",
        "deine Meinung ist Müll, du {noun}",
        "echt der größte {noun} hier im Chat {ntail}",
        "du {adj} {noun} {ntail}",
    ],
    "neutral": [
        "{greet} {q}",
        "{greet} {fact}",
        "danke für {thx} {ntail}",
        "{fact}, {q}",
        "{greet} {fact} {ntail}",
    ],
}

DE: Final = Lang(
    code="de",
    slots=DE_SLOTS,
    templates=DE_TEMPLATES,
    plain=[{"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"},
           {"ß": "ss"}],
    short=[(r"\bnicht\b", "nich"), (r"\bist\b", "is"), (r"\beinen\b", "nen"),
           (r"\beine\b", "ne"), (r"\bhabe\b", "hab"), (r"\birgendwas\b", "iwas")],
)  # fmt: skip


# =============================================================================================
# Portuguese (team-written by our Brazilian moderators; Brazilian chat register)
# =============================================================================================


def _pt_act(inf: str, p1: str, s3: str, rest: str = "", *, dat: bool = False) -> dict[str, str]:
    """A Portuguese act: infinitive, present 1sg (threat as present), subjunctive 3sg.

    Brazilian chat puts "te" before the verb ("vou te matar", "te mato") and other targets
    after it as a subject pronoun or noun ("vou matar ele", "mato sua família"); ``dat`` acts
    own a body part ("vou te quebrar a cara", "vou quebrar a cara dele").
    """
    rest = f" {rest}" if rest else ""
    if dat:
        return {
            "inf": f"{{tgt:pro}}{inf}{rest}{{tgt:of}}",
            "p1": f"{{tgt:pro}}{p1}{rest}{{tgt:of}}",
            "s3": f"{{tgt:pro}}{s3}{rest}{{tgt:of}}",
            "key": inf,
        }
    return {
        "inf": f"{{tgt:pro}}{inf}{{tgt:post}}{rest}",
        "p1": f"{{tgt:pro}}{p1}{{tgt:post}}{rest}",
        "s3": f"{{tgt:pro}}{s3}{{tgt:post}}{rest}",
        "key": inf,
    }


PT_SLOTS: Final[dict[str, list[Entry]]] = {
    # pro: clitic before the verb; post: object after it; of: owner of a body part.
    "tgt": [
        {"pro": "te ", "post": "", "of": "", "com": "você", "g": "o",
         "lv": "onde você mora"},
        {"pro": "te ", "post": "", "of": "", "com": "você", "g": "a",
         "lv": "onde você trabalha"},
        {"pro": "", "post": " ele", "of": " dele", "com": "ele", "g": "o",
         "lv": "onde ele mora"},
        {"pro": "", "post": " ela", "of": " dela", "com": "ela", "g": "a",
         "lv": "onde ela mora"},
        {"pro": "", "post": " sua família", "of": " da sua família", "com": "sua família",
         "g": "a", "lv": "onde sua família mora"},
        {"pro": "", "post": " seus filhos", "of": " dos seus filhos", "com": "seus filhos",
         "g": "os", "lv": "em que escola seus filhos estudam"},
        {"pro": "", "post": " esse juiz", "of": " desse juiz", "com": "esse juiz", "g": "o",
         "lv": "onde esse juiz mora"},
        {"pro": "", "post": " esse moderador", "of": " desse moderador",
         "com": "esse moderador", "g": "o", "lv": "onde esse moderador mora"},
    ],
    "act": [
        _pt_act("matar", "mato", "mate"),
        _pt_act("esfaquear", "esfaqueio", "esfaqueie"),
        _pt_act("dar", "dou", "dê", "um tiro na cara", dat=True),
        _pt_act("estrangular", "estrangulo", "estrangule"),
        _pt_act("espancar", "espanco", "espanque", "até a morte"),
        _pt_act("quebrar", "quebro", "quebre", "todos os ossos", dat=True),
        _pt_act("cortar", "corto", "corte", "a garganta", dat=True),
        _pt_act("atropelar", "atropelo", "atropele", "com o carro"),
        _pt_act("queimar", "queimo", "queime", "viv{tgt:g}"),
        _pt_act("arrebentar", "arrebento", "arrebente", "a cara", dat=True),
        _pt_act("meter", "meto", "meta", "uma bala na cabeça", dat=True),
        _pt_act("afogar", "afogo", "afogue", "no rio"),
        _pt_act("enforcar", "enforco", "enforque"),
        _pt_act("furar", "furo", "fure", "todinh{tgt:g}"),
        _pt_act("encher", "encho", "encha", "de porrada"),
        _pt_act("enterrar", "enterro", "enterre", "no quintal"),
        _pt_act("apagar", "apago", "apague"),
        _pt_act("picar", "pico", "pique", "em pedacinhos"),
        _pt_act("arrancar", "arranco", "arranque", "a cabeça", dat=True),
        _pt_act("furar", "furo", "fure", "os olhos", dat=True) | {"key": "olhos"},
        _pt_act("quebrar", "quebro", "quebre", "os dentes", dat=True) | {"key": "dentes"},
        _pt_act("detonar", "detono", "detone", "na porrada"),
        _pt_act("partir", "parto", "parta", "a cara no meio", dat=True) | {"key": "no meio"},
        _pt_act("degolar", "degolo", "degole"),
    ],
    "when": [
        "", "", "", "hoje à noite", "amanhã", "na saída da escola", "quando você sair do trampo",
        "nesse fim de semana", "no próximo jogo", "qualquer dia desses", "com minhas próprias mãos",
        "devagarzinho", "quando você menos esperar",
    ],
    "lead": ["", "", "", "escuta", "mano", "olha", "tô falando sério", "não é brincadeira",
             "presta atenção"],
    "tail": ["", "", "", "até logo", "dorme bem", "só avisando", "pensa nisso"],
    "ntail": ["", "", "", "kkkk", "kkkkkk", "rs", "sério", "mano", ":)"],
    "cond": [
        "fizer isso de novo", "postar isso de novo", "encostar na minha irmã",
        "falar mais uma palavra", "aparecer aqui de novo", "me banir de novo",
        "chegar perto dos meus filhos", "me chamar disso de novo", "me denunciar de novo",
        "falar com a minha namorada", "me desrespeitar de novo",
    ],
    "demand": [
        "apaga esse post", "me paga até sexta", "deixa minha namorada em paz", "me desbane",
        "devolve meu dinheiro", "retira o que você disse",
    ],
    "place": ["por aqui", "no estádio", "perto da minha casa", "na minha rua", "na academia",
              "na saída da escola", "nesse chat"],
    "grp": [
        "muçulmanos", "judeus", "cristãos", "imigrantes", "nordestinos", "ciganos",
        "refugiados", "bolivianos", "flamenguistas", "corintianos", "moderadores",
        "venezuelanos",
    ],
    "gact": [
        {"pp": "fuzilados", "inf": "fuzilar", "key": "fuzil"},
        {"pp": "enforcados", "inf": "enforcar", "key": "enforc"},
        {"pp": "queimados vivos", "inf": "queimar vivos", "key": "queima"},
        {"pp": "exterminados", "inf": "exterminar", "key": "extermin"},
        {"pp": "mortos", "inf": "matar", "key": "mat"},
        {"pp": "massacrados", "inf": "massacrar", "key": "massacr"},
        {"pp": "metralhados", "inf": "metralhar", "key": "metralh"},
        {"pp": "linchados", "inf": "linchar", "key": "linch"},
        {"pp": "eliminados", "inf": "eliminar", "key": "elimin"},
    ],
    "sh": [
        {"b": "se mata", "inf": "se matar", "key": "se mat"},
        {"b": "se enforca", "inf": "se enforcar", "key": "se enforc"},
        {"b": "pula de uma ponte", "inf": "pular de uma ponte", "key": "ponte"},
        {"b": "bebe água sanitária", "inf": "beber água sanitária", "key": "sanitária"},
        {"b": "corta os pulsos", "inf": "cortar os pulsos", "key": "pulsos"},
        {"b": "dá um tiro na cabeça", "inf": "dar um tiro na cabeça", "key": "tiro na cabeça"},
        {"b": "se joga na frente do trem", "inf": "se jogar na frente do trem", "key": "trem"},
        {"b": "toma todos os remédios", "inf": "tomar todos os remédios", "key": "remédios"},
        {"b": "morre", "inf": "morrer", "key": "morr"},
        {"b": "se suicida", "inf": "se suicidar", "key": "suicid"},
        {"b": "tira a própria vida", "inf": "tirar a própria vida", "key": "própria vida"},
        {"b": "se joga da janela", "inf": "se jogar da janela", "key": "janela"},
    ],
    "perf": ["você arrasou", "ela matou a pau", "a banda detonou", "a gente arrebentou",
             "o comediante matou a pau", "minha irmã destruiu"],
    "event": ["ontem", "no palco", "no casamento", "na final", "hoje à noite", "no karaokê",
              "na entrevista"],
    "thing": ["essa música", "seu corte novo", "essa pizza", "o álbum novo", "esse app",
              "o trailer", "esse meme", "o vídeo novo dela"],
    "proc": ["o processo", "o servidor", "esse container", "o build", "todos os workers",
             "a sessão antiga", "esse cron"],
    "team": ["a gente", "eles", "o Flamengo", "o meu time", "o time da casa", "o sub-12"],
    "game": ["elden ring", "fortnite", "cod", "dark souls", "valorant", "minecraft"],
    "v": ["matar", "esfaquear", "espancar", "queimar", "enforcar", "estrangular"],
    "place_n": ["no centro", "perto da estação", "na porta de um bar", "num parque",
                "na rodovia", "num shopping"],
    "cook": ["acrescente a farinha", "coloque uma pitada de sal", "misture o leite",
             "despeje na frigideira", "deixe descansar dez minutos"],
    "n": ["dois", "três", "cinco", "sete", "doze"],
    "thought": ["se matar", "se machucar", "tirar a própria vida", "acabar com tudo"],
    "help": ["liga pro CVV no 188", "conversa com alguém de confiança",
             "procura ajuda profissional", "manda mensagem pra um amigo hoje",
             "fala com alguém agora"],
    "event2": ["da trilha", "do trampo", "do show", "desse plantão", "ficar em pé o dia todo"],
    "step": ["no import", "no passo três", "no download", "no login"],
    "victim": ["jovem", "homem", "taxista", "comerciante", "motoboy"],
    "score": ["de 5 a 0", "na final", "em casa", "ontem", "de lavada"],
    "food": ["uma pizza", "um café", "umas horas de sono", "um hambúrguer",
             "uma cerveja gelada"],
    "adj": ["inútil", "patético", "ridículo", "insuportável", "burro", "ignorante",
            "sem noção", "chato", "preguiçoso", "sem cérebro"],
    "noun": ["idiota", "palhaço", "otário", "imbecil", "perdedor", "troll", "babaca",
             "trouxa", "noob", "mané", "zé ninguém", "bobão"],
    "greet": ["", "oi", "olá", "e aí", "bom dia", "oi gente", "galera"],
    "q": ["alguém conhece uma pizzaria boa perto da estação", "que horas começa a live",
          "o servidor caiu pra mais alguém", "você terminou o dever de casa",
          "quem vai no jogo sábado", "alguém explica as regras novas",
          "alguém tem o link do torneio", "como foi o fim de semana",
          "o que vocês vão jogar hoje", "alguma dica pra minha primeira maratona"],
    "fact": ["acabei de voltar das férias", "o jogo foi adiado de novo",
             "meu gato derrubou meu café", "a atualização nova saiu",
             "tá chovendo o dia todo aqui", "finalmente passei na autoescola",
             "a gente vai se mudar mês que vem", "o ônibus atrasou de novo"],
    "thx": ["pela ajuda", "pela live de hoje", "pelas dicas", "pelo link", "pelo convite",
            "pela resposta rápida"],
}  # fmt: skip

PT_TEMPLATES: Final[dict[str, list[str]]] = {
    "direct": [
        "{lead} vou {act:inf} {when}",
        "{lead} {act:p1} {when}, juro",
        "juro que {act:p1} {when}",
        "{lead} tô indo aí {act:inf} {when}",
        "{act:p1} com minhas próprias mãos",
        "vou te achar e {act:p1}",
        "{lead} tô louco pra {act:inf}",
        "pode esperar, vou {act:inf}",
        "da próxima vez que eu te ver, {act:p1}",
        "te prometo, vou {act:inf} {when}",
        "reza, porque vou {act:inf} {when}",
        "{lead} você vai ver, eu vou {act:inf}",
    ],
    "conditional": [
        "se você {cond}, {act:p1}",
        "{lead} se você {cond}, você é um homem morto",
        "se {cond}, você tá morto",
        "se você {cond}, não chega vivo em casa",
        "cuidado, se {cond} eu {act:p1}",
        "se eu te ver {place}, {act:p1}",
        "se {cond}, vai sair daqui num caixão",
        "{lead} continua falando que eu {act:p1}",
        "{demand}, senão {act:p1} {when}",
        "{lead} fica esperto, se você {cond} eu vou {act:inf}",
    ],
    "indirect": [
        "alguém devia {act:inf} {when}",
        "eu sei {tgt:lv} {tail}",
        "seria uma pena se acontecesse alguma coisa com {tgt:com} {when}",
        "{lead} você não vai viver muito tempo {tail}",
        "acidentes acontecem, principalmente com gente como você {tail}",
        "tomara que alguém {act:s3} {when}",
        "pago quem tiver coragem de {act:inf}",
        "{lead} você não chega em casa {when}",
        "a gente tem gente que pode {act:inf}, {tail}",
        "um dia você vai sumir e ninguém vai achar o corpo",
        "dorme com um olho aberto {tail}",
        "{lead} seus dias estão contados {tail}",
    ],
    "group": [
        "todos os {grp} deviam ser {gact:pp}",
        "tem que {gact:inf} todos os {grp} {tail}",
        "{lead} morte aos {grp} {tail}",
        "tá na hora de {gact:inf} os {grp}, quem tá comigo",
        "os {grp} merecem ser {gact:pp}, todos eles",
        "vou {gact:inf} todos os {grp} que eu encontrar {when}",
        "alguém tem que {gact:inf} os {grp} dessa cidade",
        "bora {gact:inf} uns {grp} {when}",
    ],
    "self_harm": [
        "{lead} {sh:b} {tail}",
        "faz um favor pro mundo e {sh:b}",
        "{lead} ninguém ia sentir sua falta, {sh:b}",
        "{sh:b}, seu {noun}",
        "você devia {sh:inf} {tail}",
        "{lead} vai lá e {sh:b}",
        "você não faz falta nenhuma, {sh:b}",
        "{lead} duvido você {sh:inf}",
        "anda logo, {sh:b}",
    ],
    "benign_violent_word": [
        "idiom: {perf} {event} {ntail}",
        "idiom: {thing} tá me matando de rir {ntail}",
        "idiom: morri com {thing} {ntail}",
        "tech: como eu mato {proc} sem perder dados",
        "sport: {team} massacrou o adversário {score} {ntail}",
        "game: não paro de morrer pro último chefe de {game} {ntail}",
        "news: a polícia diz que um homem foi esfaqueado {place_n} ontem à noite",
        "cooking: bata os ovos e depois {cook}",
        "fiction: no livro o detetive leva um tiro no capítulo {n}",
        "condemnation: dizer pra alguém que vai {v} a pessoa nunca é ok, nem de brincadeira",
        "helpline: se você está pensando em {thought}, por favor {help}",
        "idiom: meus pés estão me matando depois {event2} {ntail}",
        "tech: o script trava {step}, alguma ideia",
        "sport: ele chutou de fora da área e marcou {ntail}",
        "game: acabei de fazer um triple kill no {game} {ntail}",
        "news: um {victim} foi morto a tiros {place_n} ontem, a polícia procura testemunhas",
        "cooking: amasse o alho e {cook}",
        "fiction: tô escrevendo uma cena em que o herói esfaqueia o dragão {ntail}",
        "condemnation: ameaçar {v} alguém é crime, denuncie",
        "idiom: eu mataria por {food} agora {ntail}",
        "tech: mata {proc} e executa a migração de novo {ntail}",
        "sport: {team} tomou uma surra no segundo tempo {ntail}",
        "news: homem é preso após ameaçar {v} o vizinho",
        "condemnation: alguém disse que ia me {v} e eu denunciei pra polícia",
        "game: me mataram do outro lado do mapa no {game} {ntail}",
        "cooking: deixe o pimentão queimar um pouco pra ficar defumado {ntail}",
        "helpline: por favor não se machuque, {help}",
        "fiction: o vilão estrangula o rei no primeiro episódio {ntail}",
        "idiom: esse calor tá me matando {ntail}",
        "tech: o processo morreu de novo, vou reiniciar {ntail}",
    ],
    "insult_no_threat": [
        "você é um {noun} {adj}",
        "que {noun} {adj} {ntail}",
        "cala a boca, seu {noun} {adj}",
        "ninguém liga pro que você pensa, {noun}",
        "aprende a jogar, seu {noun}",
        "sua opinião é lixo, seu {noun}",
        "o {noun} mais {adj} desse chat {ntail}",
        "seu {noun} {adj} {ntail}",
    ],
    "neutral": [
        "{greet} {q}",
        "{greet} {fact}",
        "obrigado {thx} {ntail}",
        "{fact}, {q}",
        "valeu {thx} {ntail}",
    ],
}

PT: Final = Lang(
    code="pt",
    slots=PT_SLOTS,
    templates=PT_TEMPLATES,
    plain=[{"ç": "c", "Ç": "C"}, {}],
    short=[(r"\bvocê\b", "vc"), (r"\bque\b", "q"), (r"\bnão\b", "n"), (r"\btambém\b", "tb"),
           (r"\bporque\b", "pq"), (r"\bestá\b", "tá")],
)  # fmt: skip


# =============================================================================================
# French (team-written by our French-speaking moderators; colloquial chat register)
# =============================================================================================


def _fr_act(inf: str, p1: str, rest: str = "", *, dat: bool = False) -> dict[str, str]:
    """A French act: infinitive ("je vais te buter") and present 1sg ("je te bute").

    The clitic goes before the verb (te/le/la, or te/lui for ``dat`` acts: "je vais lui casser
    les os"); a noun target follows ("buter ta famille", "casser les os à ta famille").
    Elision (t'égorge, l'égorger) is done by the language's fixups.
    """
    rest = f" {rest}" if rest else ""
    if dat:
        return {
            "inf": f"{{tgt:dp}}{inf}{rest}{{tgt:dpost}}",
            "p1": f"{{tgt:dp}}{p1}{rest}{{tgt:dpost}}",
            "key": inf[:-2],
        }
    return {
        "inf": f"{{tgt:pro}}{inf}{{tgt:post}}{rest}",
        "p1": f"{{tgt:pro}}{p1}{{tgt:post}}{rest}",
        "key": inf[:-2],
    }


FR_SLOTS: Final[dict[str, list[Entry]]] = {
    "tgt": [
        {"pro": "te ", "post": "", "dp": "te ", "dpost": "", "g": "", "a": "toi",
         "lv": "où tu habites"},
        {"pro": "te ", "post": "", "dp": "te ", "dpost": "", "g": "e", "a": "toi",
         "lv": "où tu bosses"},
        {"pro": "le ", "post": "", "dp": "lui ", "dpost": "", "g": "", "a": "lui",
         "lv": "où il habite"},
        {"pro": "la ", "post": "", "dp": "lui ", "dpost": "", "g": "e", "a": "elle",
         "lv": "où elle habite"},
        {"pro": "", "post": " ta famille", "dp": "", "dpost": " à ta famille", "g": "e",
         "a": "ta famille", "lv": "où habite ta famille"},
        {"pro": "", "post": " tes gosses", "dp": "", "dpost": " à tes gosses", "g": "s",
         "a": "tes gosses", "lv": "dans quelle école vont tes gosses"},
        {"pro": "", "post": " cet arbitre", "dp": "", "dpost": " à cet arbitre", "g": "",
         "a": "cet arbitre", "lv": "où habite cet arbitre"},
        {"pro": "", "post": " ce modo", "dp": "", "dpost": " à ce modo", "g": "",
         "a": "ce modo", "lv": "où habite ce modo"},
    ],
    "act": [
        _fr_act("tuer", "tue"),
        _fr_act("buter", "bute"),
        _fr_act("poignarder", "poignarde"),
        _fr_act("étrangler", "étrangle"),
        _fr_act("tabasser", "tabasse", "à mort"),
        _fr_act("casser", "casse", "tous les os", dat=True),
        _fr_act("égorger", "égorge"),
        _fr_act("écraser", "écrase", "avec ma voiture") | {"key": "voiture"},
        _fr_act("brûler", "brûle", "vif{tgt:g}") | {"key": "brûl"},
        _fr_act("défoncer", "défonce", "la gueule", dat=True),
        _fr_act("mettre", "mets", "une balle dans la tête", dat=True) | {"key": "balle"},
        _fr_act("noyer", "noie", "dans le fleuve") | {"key": "fleuve"},
        _fr_act("pendre", "pends", "à un arbre") | {"key": "arbre"},
        _fr_act("crever", "crève"),
        _fr_act("enterrer", "enterre"),
        _fr_act("faire disparaître", "fais disparaître") | {"key": "dispar"},
        _fr_act("massacrer", "massacre"),
        _fr_act("fumer", "fume"),
        _fr_act("arracher", "arrache", "la tête", dat=True),
        _fr_act("planter", "plante", "au couteau") | {"key": "couteau"},
        _fr_act("exploser", "explose", "la tête", dat=True),
        _fr_act("saigner", "saigne", "comme un porc"),
        _fr_act("briser", "brise", "la nuque", dat=True),
        _fr_act("découper", "découpe", "en morceaux") | {"key": "morceaux"},
    ],
    "when": [
        "", "", "", "ce soir", "demain", "à la sortie de l'école", "quand tu sors du taf",
        "ce week-end", "au prochain match", "un de ces jours", "de mes propres mains",
        "lentement", "quand tu t'y attendras le moins",
    ],
    "lead": ["", "", "", "écoute-moi bien", "frérot", "wesh", "je suis sérieux",
             "c'est pas une blague", "regarde"],
    "tail": ["", "", "", "à bientôt", "dors bien", "je dis ça je dis rien", "réfléchis-y"],
    "ntail": ["", "", "", "mdr", "ptdr", "lol", "sérieux", "frère", ":)"],
    "cond": [
        "refais ça", "reposte ça", "touches encore à ma sœur", "dis un mot de plus",
        "remets les pieds ici", "me bannis encore", "t'approches de mes enfants",
        "m'appelles encore comme ça", "me signales encore", "reparles à ma copine",
        "me manques encore de respect",
    ],
    "demand": [
        "supprime ce post", "rends-moi mon fric avant vendredi", "laisse ma copine tranquille",
        "débannis-moi", "retire ce que t'as dit",
    ],
    "place": ["ici", "au stade", "près de chez moi", "dans ma rue", "à la salle",
              "devant l'école", "dans ce chat"],
    "grp": [
        "musulmans", "juifs", "chrétiens", "immigrés", "arabes", "roms", "migrants",
        "réfugiés", "marseillais", "parisiens", "modos", "noirs",
    ],
    "gact": [
        {"pp": "fusillés", "inf": "fusiller", "key": "fusill"},
        {"pp": "pendus", "inf": "pendre", "key": "pend"},
        {"pp": "gazés", "inf": "gazer", "key": "gaz"},
        {"pp": "exterminés", "inf": "exterminer", "key": "extermin"},
        {"pp": "brûlés vifs", "inf": "brûler vifs", "key": "brûl"},
        {"pp": "massacrés", "inf": "massacrer", "key": "massacr"},
        {"pp": "butés", "inf": "buter", "key": "but"},
        {"pp": "lynchés", "inf": "lyncher", "key": "lynch"},
        {"pp": "éliminés", "inf": "éliminer", "key": "élimin"},
    ],
    "sh": [
        {"b": "tue-toi", "inf": "te tuer", "key": "tue"},
        {"b": "pends-toi", "inf": "te pendre", "key": "pend"},
        {"b": "saute d'un pont", "inf": "sauter d'un pont", "key": "pont"},
        {"b": "bois de la javel", "inf": "boire de la javel", "key": "javel"},
        {"b": "ouvre-toi les veines", "inf": "t'ouvrir les veines", "key": "veines"},
        {"b": "tire-toi une balle", "inf": "te tirer une balle", "key": "tire"},
        {"b": "jette-toi sous un train", "inf": "te jeter sous un train", "key": "train"},
        {"b": "avale toutes tes pilules", "inf": "avaler toutes tes pilules", "key": "pilule"},
        {"b": "crève", "inf": "crever", "key": "crev"},
        {"b": "suicide-toi", "inf": "te suicider", "key": "suicid"},
        {"b": "meurs", "inf": "mourir", "key": "mour"},
        {"b": "défenestre-toi", "inf": "te défenestrer", "key": "défenestr"},
    ],
    "perf": ["t'as tout déchiré", "elle a tout défoncé", "le groupe a mis le feu",
             "on a tout cassé", "l'humoriste a tué tout le monde", "ma petite sœur a assuré"],
    "event": ["hier soir", "sur scène", "au mariage", "en finale", "ce soir", "au karaoké",
              "à l'entretien"],
    "thing": ["cette chanson", "ta nouvelle coupe", "cette pizza", "le nouvel album",
              "cette appli", "la bande-annonce", "ce mème", "sa dernière vidéo"],
    "proc": ["le processus", "le serveur", "ce conteneur", "le build", "tous les workers",
             "la vieille session", "ce cron"],
    "team": ["on", "l'OM", "notre équipe", "le PSG", "mon club", "la réserve"],
    "game": ["elden ring", "fortnite", "cod", "dark souls", "valorant", "minecraft"],
    "v": ["tuer", "poignarder", "frapper", "brûler", "pendre", "égorger", "buter"],
    "place_n": ["en centre-ville", "près de la gare", "devant un bar", "dans un parc",
                "sur l'autoroute", "dans un centre commercial"],
    "cook": ["ajoutez la farine", "mettez une pincée de sel", "incorporez le lait",
             "versez dans la poêle", "laissez reposer dix minutes"],
    "n": ["deux", "trois", "cinq", "sept", "douze"],
    "thought": ["te suicider", "te faire du mal", "mettre fin à tes jours", "en finir"],
    "help": ["appelle le 3114", "parles-en à quelqu'un de confiance",
             "appelle une ligne d'écoute", "écris à un ami ce soir", "demande de l'aide"],
    "event2": ["la rando", "le taf", "le concert", "cette garde", "une journée debout"],
    "step": ["l'import", "l'étape trois", "le téléchargement", "la connexion"],
    "victim": ["adolescent", "homme", "chauffeur de taxi", "commerçant", "passant"],
    "score": ["5-0", "en finale", "à domicile", "hier soir", "de trente points"],
    "food": ["une pizza", "un café", "quelques heures de sommeil", "un burger",
             "une bière fraîche"],
    "adj": ["inutile", "pathétique", "ridicule", "insupportable", "lourd", "ignorant",
            "minable", "sans cervelle", "pitoyable", "paresseux"],
    "noun": ["idiot", "clown", "abruti", "crétin", "boulet", "troll", "guignol", "bouffon",
             "noob", "débile", "tocard", "naze"],
    "greet": ["", "salut", "coucou", "bonjour", "yo", "salut tout le monde", "bon"],
    "q": ["quelqu'un connaît une bonne pizzeria près de la gare", "le live commence à quelle heure",
          "le serveur est down pour quelqu'un d'autre", "t'as fini les devoirs",
          "qui vient au match samedi", "quelqu'un peut expliquer les nouvelles règles",
          "quelqu'un a le lien du tournoi", "c'était comment ce week-end",
          "vous jouez à quoi ce soir", "des conseils pour mon premier marathon"],
    "fact": ["je viens de rentrer de vacances", "le match a encore été reporté",
             "mon chat a renversé mon café", "la nouvelle mise à jour est sortie",
             "il pleut toute la journée ici", "j'ai enfin eu mon permis",
             "on déménage le mois prochain", "le bus était encore en retard"],
    "thx": ["l'aide", "le live d'aujourd'hui", "les conseils", "le lien", "l'invitation",
            "la réponse rapide"],
}  # fmt: skip

FR_TEMPLATES: Final[dict[str, list[str]]] = {
    "direct": [
        "{lead} je vais {act:inf} {when}",
        "{lead} je {act:p1} {when}, je te jure",
        "je te jure que je vais {act:inf}",
        "{lead} je viens {act:inf} {when}",
        "je vais {act:inf} de mes propres mains",
        "je vais te retrouver et je {act:p1}",
        "{lead} j'ai hâte de {act:inf}",
        "tu vas voir, je vais {act:inf}",
        "la prochaine fois que je te vois, je {act:p1}",
        "je te promets que je vais {act:inf} {when}",
        "fais ta prière, je vais {act:inf} {when}",
        "{lead} compte sur moi pour {act:inf}",
    ],
    "conditional": [
        "si tu {cond}, je {act:p1}",
        "{lead} si tu {cond}, t'es un homme mort",
        "si jamais tu {cond}, je vais {act:inf}",
        "si tu {cond}, tu verras pas demain",
        "fais gaffe à toi, si tu {cond} je {act:p1}",
        "si je te vois {place}, je {act:p1}",
        "si tu {cond}, tu finis dans un sac mortuaire",
        "{lead} continue de parler et je {act:p1}",
        "{demand}, sinon je {act:p1} {when}",
        "{lead} fais gaffe, si tu {cond}, je vais {act:inf} {when}",
    ],
    "indirect": [
        "quelqu'un devrait {act:inf} {when}",
        "je sais {tgt:lv} {tail}",
        "ce serait dommage qu'il arrive quelque chose à {tgt:a} {when}",
        "{lead} tu vas pas vivre longtemps {tail}",
        "les accidents arrivent, surtout aux gens comme toi {tail}",
        "j'espère que quelqu'un va {act:inf} {when}",
        "je paie celui qui aura le courage de {act:inf}",
        "{lead} tu rentreras pas chez toi {when}",
        "on a des gars qui peuvent {act:inf}, {tail}",
        "un jour tu vas te volatiliser et personne retrouvera le corps",
        "dors avec un œil ouvert {tail}",
        "{lead} tes jours sont comptés {tail}",
    ],
    "group": [
        "tous les {grp} devraient être {gact:pp}",
        "faut {gact:inf} tous les {grp} {tail}",
        "{lead} mort aux {grp} {tail}",
        "il est temps de {gact:inf} les {grp}, qui est avec moi",
        "les {grp} méritent d'être {gact:pp}, tous",
        "je vais {gact:inf} tous les {grp} que je croise {when}",
        "quelqu'un doit {gact:inf} les {grp} de cette ville",
        "allez, on va {gact:inf} des {grp} {when}",
    ],
    "self_harm": [
        "{lead} {sh:b} {tail}",
        "rends service à tout le monde et {sh:b}",
        "{lead} personne te regretterait, {sh:b}",
        "{sh:b}, espèce de {noun}",
        "tu devrais {sh:inf} {tail}",
        "{lead} va {sh:inf}",
        "t'es de trop sur terre, {sh:b}",
        "{lead} t'as pas les couilles de {sh:inf}",
        "allez, {sh:b} une bonne fois pour toutes",
    ],
    "benign_violent_word": [
        "idiom: {perf} {event} {ntail}",
        "idiom: {thing} c'est une tuerie {ntail}",
        "idiom: {thing} me tue {ntail}",
        "tech: comment tuer {proc} sans perdre les données",
        "sport: {team} a massacré l'adversaire {score} {ntail}",
        "game: je meurs tout le temps contre le dernier boss de {game} {ntail}",
        "news: selon la police, un homme a été poignardé {place_n} hier soir",
        "cooking: battez les œufs puis {cook}",
        "fiction: dans le livre l'inspecteur se fait tirer dessus au chapitre {n}",
        "condemnation: dire à quelqu'un qu'on va le {v}, c'est jamais ok, même pour rire",
        "helpline: si tu penses à {thought}, s'il te plaît {help}",
        "idiom: mes pieds me tuent après {event2} {ntail}",
        "tech: le script plante pendant {step}, une idée",
        "sport: il a tiré de loin et il a marqué {ntail}",
        "game: je viens de faire un triple kill sur {game} {ntail}",
        "news: un {victim} a été abattu {place_n} hier, la police cherche des témoins",
        "cooking: écrasez l'ail et {cook}",
        "fiction: j'écris une scène où le héros poignarde le dragon {ntail}",
        "condemnation: menacer de {v} quelqu'un, c'est un délit, signalez-le",
        "idiom: je tuerais pour {food} là maintenant {ntail}",
        "tech: tue {proc} et relance la migration {ntail}",
        "sport: {team} s'est fait écraser en deuxième mi-temps {ntail}",
        "news: un homme arrêté après avoir menacé de {v} son voisin",
        "condemnation: quelqu'un m'a dit qu'il allait me {v} et j'ai porté plainte",
        "game: je me suis fait sniper à travers toute la map sur {game} {ntail}",
        "cooking: laissez brûler un peu les poivrons pour le goût fumé {ntail}",
        "helpline: s'il te plaît ne te fais pas de mal, {help}",
        "fiction: le méchant étrangle le roi dans le premier épisode {ntail}",
        "idiom: cette chaleur me tue {ntail}",
        "tech: le processus est encore mort, je le relance {ntail}",
    ],
    "insult_no_threat": [
        "t'es qu'un {noun} {adj}",
        "quel {noun} {adj} {ntail}",
        "ferme-la, espèce de {noun}",
        "tout le monde s'en fout de ton avis, {noun}",
        "apprends à jouer, {noun} {adj}",
        "ton avis c'est de la merde, {noun}",
        "le {noun} le plus {adj} du tchat {ntail}",
        "espèce de {noun} {adj} {ntail}",
    ],
    "neutral": [
        "{greet} {q}",
        "{greet} {fact}",
        "merci pour {thx} {ntail}",
        "{fact}, {q}",
        "{greet} {fact} {ntail}",
    ],
}

FR: Final = Lang(
    code="fr",
    slots=FR_SLOTS,
    templates=FR_TEMPLATES,
    plain=[{"œ": "oe", "ç": "c"}, {}],
    short=[(r"\bje suis\b", "chui"), (r"\bc'est\b", "c"), (r"\bquoi\b", "koi"),
           (r"\bpourquoi\b", "pk"), (r"\bs'il te plaît\b", "stp"), (r"\bquelqu'un\b", "qqn")],
    # Elision before a vowel: "te égorge" -> "t'égorge", "de égorger" -> "d'égorger".
    fixups=[(r"\b([jtlmsd])e (?=[aeiouyéèêâîô])", r"\1'"), (r"\bla (?=[aeiouyéèêâîô])", "l'")],
)  # fmt: skip


# =============================================================================================
# Generation
# =============================================================================================

LANG_DATA: Final[dict[str, Lang]] = {lang.code: lang for lang in (EN, ES, RU, IT, TR, DE, PT, FR)}

_PLACEHOLDER_RE: Final = re.compile(r"\{(\w+)(?::(\w+))?\}")
_SPACES_RE: Final = re.compile(r"\s+")
_SPACE_PUNCT_RE: Final = re.compile(r"\s+([,.!?])")
_TAG_RE: Final = re.compile(r"^(\w+): ")
_WORD_RE: Final = re.compile(r"[^\W\d_]{5,}")
_MAX_DEPTH: Final[int] = 4
_TRIES_PER_ROW: Final[int] = 40
_EMOJI: Final[tuple[str, ...]] = (
    "😡", "🔪", "💀", "😂", "🤣", "🙄", "👍", "😤", "🔥", "😈", "🤡", "😭", "👀", "🙃",
)  # fmt: skip


class _NoForm(Exception):
    """The picked entry has no form the template asks for."""


@dataclass(frozen=True, slots=True)
class _Template:
    id: str
    kind: str
    label: int
    text: str
    split: str


def templates(lang: Lang) -> list[_Template]:
    """The language's templates with their ids and splits, in order."""
    out: list[_Template] = []
    for kind, texts in lang.templates.items():
        label = 1 if kind in THREAT_KINDS else 0
        for n, text in enumerate(texts):
            tid = f"{lang.code}.{kind}.{n:02d}"
            m = _TAG_RE.match(text)
            if m:
                tid, text = f"{tid}.{m.group(1)}", text[m.end() :]
            out.append(_Template(tid, kind, label, text, "dev" if is_dev(n) else "train"))
    return out


def slot_entries(lang: Lang, slot: str, split: str) -> list[Entry]:
    """The entries of ``slot`` that rows of ``split`` may use (held-out slots are split)."""
    entries = lang.slots[slot]
    if slot not in HELD_OUT_SLOTS:
        return list(entries)
    return [e for i, e in enumerate(entries) if is_dev(i) == (split == "dev")]


def held_out_keys(code: str, slot: str = "act") -> dict[str, list[str]]:
    """The ``key`` of every entry of a held-out slot, by split ({"train": [...], "dev": [...]})."""
    lang = LANG_DATA[code]
    out: dict[str, list[str]] = {}
    for split in ("train", "dev"):
        out[split] = [e["key"] for e in slot_entries(lang, slot, split) if isinstance(e, Mapping)]
    return out


def _fill(
    text: str,
    pools: Mapping[str, Sequence[Entry]],
    rng: random.Random,
    fixups: Sequence[tuple[str, str]] = (),
) -> str:
    """Fills every placeholder, one entry per slot, until none is left."""
    chosen: dict[str, Entry] = {}

    def sub(m: re.Match[str]) -> str:
        slot, form = m.group(1), m.group(2)
        if slot not in chosen:
            chosen[slot] = rng.choice(pools[slot])
        entry = chosen[slot]
        if isinstance(entry, str):
            if form is not None:
                raise _NoForm(slot)
            return entry
        if form is None or form not in entry:
            raise _NoForm(slot)
        return entry[form]

    for _ in range(_MAX_DEPTH):
        if "{" not in text:
            break
        text = _PLACEHOLDER_RE.sub(sub, text)
    text = _SPACE_PUNCT_RE.sub(r"\1", _SPACES_RE.sub(" ", text)).strip(" ,")
    for pattern, repl in fixups:
        text = re.sub(pattern, repl, text)
    if "{" in text:
        raise ValueError(f"unfilled placeholder in {text!r}")
    return text


def _template_rows(
    lang: Lang, tpl: _Template, quota: int, rng: random.Random, seen: set[str]
) -> list[str]:
    """Up to ``quota`` distinct texts of one template (fewer when its slots run out)."""
    pools = {slot: slot_entries(lang, slot, tpl.split) for slot in lang.slots}
    out: list[str] = []
    for _ in range(quota * _TRIES_PER_ROW):
        if len(out) >= quota:
            break
        try:
            text = _fill(tpl.text, pools, rng, lang.fixups)
        except _NoForm:
            continue
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


def _base_rows(lang: Lang, rng: random.Random) -> list[tuple[_Template, str]]:
    """Distinct filled templates, each kind's share of PER_LABEL spread over its templates."""
    by_kind: dict[str, list[_Template]] = {}
    for tpl in templates(lang):
        by_kind.setdefault(tpl.kind, []).append(tpl)
    seen: set[str] = set()
    out: list[tuple[_Template, str]] = []
    for kind, tpls in by_kind.items():
        want = round(PER_LABEL * KIND_SHARE[kind])
        # Templates with few combinations leave their unused quota to the next ones.
        for left, tpl in enumerate(tpls):
            quota = -(-want // (len(tpls) - left))
            texts = _template_rows(lang, tpl, quota, rng, seen)
            want -= len(texts)
            out.extend((tpl, t) for t in texts)
    return out


def _strip_marks(text: str, table: Mapping[str, str]) -> str:
    """Drops diacritics the way people type without them (``table`` first, then NFD marks)."""
    text = "".join(table.get(c, c) for c in text)
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0306")
    # Cyrillic й is и + breve: keep it whole.
    return unicodedata.normalize("NFC", kept)


def _typo(text: str, rng: random.Random) -> str:
    """Swaps two letters or drops one in a longer word."""
    words = list(_WORD_RE.finditer(text))
    if not words:
        return text
    m = rng.choice(words)
    w = m.group()
    i = rng.randrange(1, len(w) - 2)
    w = w[:i] + w[i + 1] + w[i] + w[i + 2 :] if rng.random() < 0.5 else w[:i] + w[i + 1 :]
    return text[: m.start()] + w + text[m.end() :]


def _lower(lang: Lang, text: str) -> str:
    if lang.code == "tr":
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def _capitalise(lang: Lang, text: str) -> str:
    first = text[:1]
    return lang.upper_first.get(first, first.upper()) + text[1:]


def augment(lang: Lang, text: str, rng: random.Random) -> str:
    """Chat-style spelling of ``text``: case, diacritics, short forms, typos, punctuation, emoji."""
    if rng.random() < 0.5:
        # Written carefully: capital first letter and, often, a full stop or exclamation mark.
        text = _capitalise(lang, text)
        return text + rng.choice(("", ".", ".", "!"))
    if rng.random() < 0.6:
        text = _lower(lang, text)
    if lang.plain and rng.random() < 0.6:
        text = _strip_marks(text, rng.choice(lang.plain))
    for pattern, repl in lang.short:
        if rng.random() < 0.5:
            text = re.sub(pattern, repl, text, flags=re.IGNORECASE)
    if rng.random() < 0.25:
        text = _typo(text, rng)
    if rng.random() < 0.3:
        text = text.replace(",", "").replace("'", "")
    r = rng.random()
    if r < 0.15:
        text += " " + rng.choice(_EMOJI) * rng.randint(1, 3)
    elif r < 0.25:
        text += "!!!"
    elif r < 0.3:
        text += "??"
    elif r < 0.35:
        text = text.upper() if lang.code != "tr" else text
    return text


def threat_rows(seed: int = 0) -> list[ThreatRow]:
    """Every templated row, deterministic for a seed."""
    rows: list[ThreatRow] = []
    for code in LANGS:
        lang = LANG_DATA.get(code)
        if lang is None:
            continue
        rng = random.Random(f"{seed}:{code}")
        base = _base_rows(lang, rng)
        # Train rows first, so a text written by a train and a dev template stays train.
        base.sort(key=lambda pair: pair[0].split != "train")
        for tpl, text in base:
            rows.append(
                ThreatRow(augment(lang, text, rng), code, tpl.label, tpl.kind, tpl.id, tpl.split)
            )
    return _dedupe(rows)


def _dedupe(rows: Sequence[ThreatRow]) -> list[ThreatRow]:
    """One row per text: the first; a text written with both labels is dropped."""
    labels: dict[str, set[int]] = {}
    for row in rows:
        labels.setdefault(row.text, set()).add(row.label)
    out: list[ThreatRow] = []
    seen: set[str] = set()
    for row in rows:
        if row.text in seen or len(labels[row.text]) > 1:
            continue
        seen.add(row.text)
        out.append(row)
    return out
