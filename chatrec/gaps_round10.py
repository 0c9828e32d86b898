"""Shopping gaps round 10 (issue 12, branch i12bg): classes the lead found shopping the demos.

- One model in several colours whose titles are written differently ("boAt Wave Lite Smartwatch with
  1.69" HD Display, ... (Deep Blue)", "boAt Wave Lite Smartwatch with 1.69 Inches(4.29cm) ... (Scarlet
  Red)") takes one slot in a list: the model's name, the words of a long title before its first part
  ("with ...", "(...)", ", ..."), names it (:func:`same_product`, used by :func:`one_per_model`, which
  extends :func:`chatrec.gaps_round8.one_per_model`); the item kept says which other colours the shop
  has (:func:`also_in`, "Also in Deep Blue, Scarlet Red."). The list is cut after ranking
  (:func:`distinct_products`, a step of :func:`chatrec.turn.prepare`): the ranker re-orders candidates.
- A kind refused that is not in force ("no sneakers either" after bags, "ninguna zapatilla tampoco", "auch
  keine Turnschuhe", "也不要运动鞋") refuses the kind's own types and wishes nothing, so no "left out" note
  follows (:func:`refused_kind`, called by :func:`chatrec.kind_words.narrowed`; :func:`also_refused`,
  :func:`no_particles`).
- A sub-kind of the type in force refused ("不要手环", "keine Fitnessarmbänder", "no fitness bands, a proper
  smartwatch"), where the lexicon reads the sub-kind word as the type: the type stays, the sub-kind's head
  word ("band") is kept out of titles (:func:`subkind_refused`).
- A problem said instead of a product, in four languages ("my wifi is slow in the bedroom", "mi tele no
  tiene wifi", "耳机老是掉"): the product that meets the need (:func:`problem_need`), and the reply says the
  need it read (:func:`need_note`).
- A reason credits no verb of the shopper's story ("to charge", "when I travel", "listen to music") nor the
  device it is done to (:func:`story_verbs`, used by :func:`chatrec.grounding.facts_for`).
- A cap per piece ("300 each", "de 300 cada uno", "je 300", "每个300") caps every item; a total for a
  bundle ("2000 for both", "en total", "insgesamt", "一共") caps every piece at it, and the reply says so
  (:func:`piece_budget`, :func:`budget_note`).

The words are in ``chatrec/data/gaps_round10.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from chatrec import gaps_round8
from chatrec.word_tables import folded, table

__all__ = ["adjust", "also_in", "colour_of", "also_refused", "also_in_list", "also_in_text", "distinct_products", "budget_note", "model_name", "need_for", "problem_words", "piece_budget", "turn_notes", "need_note", "versions_of", "TYPE_NAMES", "no_particles", "problem_need", "one_per_model", "refused_kind", "same_product", "story_verbs", "subkind_refused"]

_DATA = str(Path(__file__).with_name("data") / "gaps_round10.json")

#: Where a long title's model name ends: its first bracket, comma or bar, or "with" / "for" / a dash.
_NAME_END = re.compile(r"[(\[,|]|\s(?:with|for|featuring|-|–|—)\s", re.IGNORECASE)
_WORD = re.compile(r"[\w+&'.-]+")
#: Marketing words before a name that no model has: "Newly Launched boAt ...".
_NOT_NAME = frozenset({"new", "newly", "launched", "latest", "all-new", "2022", "2023"})


def model_name(title: str, colours: frozenset[str]) -> tuple[str, ...] | None:
    """The model a long title names, lower case and without colour words ("boAt Wave Lite Smartwatch
    with 1.69\" HD Display, ..." -> ("boat", "wave", "lite", "smartwatch")); None for a short title with
    nothing after its name ("Puma Men White T-shirt"), or a name too short to tell a model by (fewer
    than three words, or two without a model code)."""
    found = _NAME_END.search(title)
    if found is None or found.start() == 0:
        return None
    words = [w.strip(".'-") for w in _WORD.findall(folded(title[:found.start()]))]
    words = [w for w in words if w and w not in colours and w not in _NOT_NAME]
    coded = any(re.search(r"\d", w) and re.search(r"[a-z]", w) for w in words)
    if len(words) < 3 and not (len(words) == 2 and coded):
        return None
    return tuple(words)


def same_product(one: Any, other: Any, colours: frozenset[str]) -> bool:
    """Whether two items are one product in another colour or size: :func:`chatrec.gaps_round8.same_model`
    of their titles, or the same category and the same model name of a long title (:func:`model_name`)."""
    a, b = str(getattr(one, "title", "") or ""), str(getattr(other, "title", "") or "")
    if gaps_round8.same_model(gaps_round8.model_key(a, colours), gaps_round8.model_key(b, colours)):
        return True
    if getattr(one, "category", None) != getattr(other, "category", None):
        return False
    name = model_name(a, colours)
    return name is not None and name == model_name(b, colours)


#: How far down the list near-duplicates are looked for and moved (twice the usual list of five).
_LOOK = 10


def one_per_model(candidates: list[Any], message: str, colour_wishes: int, colours: frozenset[str],
                  shown: Collection[str] = ()) -> list[Any]:
    """The candidates with each model's other colours and sizes after every other model (so a list of
    five shows five products), as :func:`chatrec.gaps_round8.one_per_model` does, with the model told by
    :func:`same_product`; unchanged when the shopper asked about colours."""
    candidates = gaps_round8.one_per_model(candidates, message, colour_wishes, colours, shown)
    if colour_wishes >= 2 or gaps_round8._ASKS_COLOURS.search(message) or len(candidates) < 2:
        return candidates
    kept: list[Any] = []
    first: list[Any] = []
    later: list[Any] = []
    for candidate in candidates[:_LOOK]:
        if any(same_product(candidate.item, other, colours) for other in kept):
            later.append(candidate)
        else:
            if str(getattr(candidate.item, "id", "")) not in shown:
                kept.append(candidate.item)
            first.append(candidate)
    return [*first, *later, *candidates[_LOOK:]] if later else candidates


def distinct_products(ranked: list[Any], n: int, message: str, colour_wishes: int, colours: frozenset[str],
                      shown: Collection[str] = (), on: bool = True) -> list[Any]:
    """The first ``n`` of a ranked list (entries with ``candidate.item``), one per product while other
    products are left: another colour or size of a product already chosen (:func:`same_product`) only
    fills a slot nothing else can, after the products. The first ``n`` unchanged when ``on`` is false
    or the shopper asked about colours (``colour_wishes`` values in force, or a colour word said)."""
    if not on or colour_wishes >= 2 or gaps_round8._ASKS_COLOURS.search(message) or len(ranked) <= 1:
        return list(ranked[:n])
    chosen: list[Any] = []
    spare: list[Any] = []
    for entry in ranked:
        item = entry.candidate.item
        if any(same_product(item, c.candidate.item, colours) for c in chosen
               if str(getattr(c.candidate.item, "id", "")) not in shown):
            spare.append(entry)
        else:
            chosen.append(entry)
        if len(chosen) == n:
            break
    # fewer products than slots: their other colours fill the rest, after every product
    return [*chosen, *spare[: n - len(chosen)]]


def refused_kind(heard: Any, type_values: Mapping[str, Sequence[str]], finest: str, kind_types: Sequence[str],
                 of_kind: set[str], same_family: Callable[[str, Sequence[str]], bool]) -> Any | None:
    """A kind word the shopper refuses ("no sneakers either", "ninguna zapatilla tampoco", "auch keine
    Turnschuhe", "也不要运动鞋"): the request refusing the kind's own types (sports and casual shoes, not every
    shoe the rules read), never wishing for them (:func:`chatrec.kind_words.narrowed` would add them to the
    wishes); None when the message refuses no type of the kind's family."""
    refused = {name: list(values) for name, values in heard.exclude.items() if name in type_values and values}
    family = {name: [v for v in values if v in of_kind or same_family(v, kind_types)] for name, values in refused.items()}
    family = {name: values for name, values in family.items() if values}
    if not family:
        return None
    wished = [v for values in heard.include.values() for v in values if v in of_kind]
    if wished:
        return None  # "no sneakers, boots instead" of one family: the rules' reading stands
    exclude = {name: list(values) for name, values in heard.exclude.items()}
    for name, values in family.items():
        # a broader type the rules read ("Shoes") gives way to the kind's own; the kind's own are kept
        kept = [v for v in exclude[name] if v not in values or v in kind_types]
        if kept:
            exclude[name] = kept
        else:
            del exclude[name]
    exclude[finest] = list(dict.fromkeys([*exclude.get(finest, []), *kind_types]))
    return heard.model_copy(update={"exclude": exclude})


def _colour_of(item: Any, colours: frozenset[str]) -> str | None:
    """The item's colour as the shop writes it: its colour field, else the short part of its title
    naming a colour ("(Deep Blue)")."""
    for key, value in (getattr(item, "attributes", None) or {}).items():
        if "colo" in key.lower() and isinstance(value, str) and value.strip() and value != "NA":
            return value.strip()
    for part in re.split(r"[()\[\],|/]", str(getattr(item, "title", "") or "")):
        words = _WORD.findall(folded(part))
        if words and len(words) <= 3 and any(w in colours for w in words):
            return part.strip()
    return None


def colour_of(item: Any, colours: frozenset[str]) -> str | None:
    """The item's colour as the shop writes it (its colour field, else the part of its title naming one)."""
    return _colour_of(item, colours)


def versions_of(item: Any, catalogue: Sequence[Any], colours: frozenset[str], wanted: Callable[[str], bool],
                seen_ids: Collection[Any] = (), seen_titles: Collection[str] = ()) -> list[Any]:
    """The items of ``catalogue`` that are ``item``'s product (:func:`same_product`) in a colour ``wanted`` accepts,
    one per title (the first in catalogue order), leaving out ``item``, its title and the ids and titles seen."""
    found = [other for other in catalogue if other.id != item.id and other.id not in seen_ids
             and other.title != item.title and other.title not in seen_titles
             and (colour := colour_of(other, colours)) is not None and wanted(colour)
             and same_product(item, other, colours)]
    return list({other.title: other for other in reversed(found)}.values())[::-1]


def also_in(chosen: list[Any], candidates: list[Any], colours: frozenset[str], limit: int = 3) -> dict[str, list[str]]:
    """For each chosen item, the other colours of its product among the candidates that are not shown
    (item id -> colours, at most ``limit``, in rank order); items with no other colour are left out."""
    shown = {str(item.id) for item in chosen}
    out: dict[str, list[str]] = {}
    for item in chosen:
        own = _colour_of(item, colours)
        if own is None:
            continue
        others: list[str] = []
        for candidate in candidates[:30]:
            other = candidate.item
            if str(other.id) in shown or not same_product(item, other, colours):
                continue
            colour = _colour_of(other, colours)
            if colour and folded(colour) != folded(own) and folded(colour) not in map(folded, others):
                others.append(colour)
        if others:
            out[str(item.id)] = others[:limit]
    return out


def also_in_list(turn: Any, colours: frozenset[str]) -> dict[str, list[str]]:
    """:func:`also_in` for a turn's list of wishes (not when the shopper asked about colours, named
    several, or asked to see a list again): its chosen items against its candidates."""
    heard = turn.heard
    if heard.intent in ("show_again", "reject", "ask_about_item", "compare") or gaps_round8._ASKS_COLOURS.search(turn.message):
        return {}
    if max((len(v) for n, v in turn.state.include.items() if "colo" in n.lower()), default=0) >= 2:
        return {}
    return also_in([r.candidate.item for r in turn.chosen], turn.candidates, colours)


def also_in_text(reason: str, others: list[str], language: str | None) -> str:
    """The reason with "Also in X, Y." in the shopper's language (English when the table has none)."""
    wording = table(_DATA)["also_in"]
    said = wording.get(language or "en", wording["en"])
    joined = wording.get(f"{language}_join", wording["en_join"]).join(others)
    space = "" if language == "zh" else " "
    return f"{reason.rstrip()}{space}{said.format(colours=joined)}".strip()


def no_particles(request: Any, message: str) -> Any:
    """The request without "tampoco", "auch", "either" ... kept as words to avoid or searched for: a word
    adding a refusal to an earlier one names nothing ("ninguna zapatilla tampoco", "auch keine Turnschuhe")."""
    words = set(table(_DATA)["particles"]["words"])
    avoid = [w for w in request.avoid_words if folded(w) not in words]
    query = " ".join(w for w in request.query.split() if folded(w) not in words)
    if avoid == request.avoid_words and query == request.query:
        return request
    return request.model_copy(update={"avoid_words": avoid, "query": query})


def also_refused(request: Any, message: str, reread: Callable[[str], Any]) -> Any:
    """A clause refusing one more thing ("tampoco quiero tenis", "球鞋也不要", "auch keinen Rucksack", "nor
    any sneakers") whose values the rules read as wishes: those values refused, not wished; other clauses
    ("..., mejor unas botas") keep their wishes."""
    if request.intent not in ("recommend", "refine", "answer", "more_like") or not request.include:
        return request
    entry = table(_DATA)["also_not"]
    text = folded(message)
    cue = re.compile("|".join(entry[lang] for lang in ("en", "es", "de", "zh")), re.IGNORECASE)
    if not cue.search(text):
        return request
    include = {name: list(values) for name, values in request.include.items()}
    exclude = {name: list(values) for name, values in request.exclude.items()}
    moved = False
    for clause in re.split(entry["split"], text):
        if not cue.search(clause):
            continue
        # the words the cue refuses: after it ("tampoco quiero tenis", "a top neither black nor white"), or
        # before it when nothing follows ("球鞋也不要")
        first = cue.search(clause)
        assert first is not None
        after = cue.sub(" ", clause[first.end():]).strip()
        part = after if re.search(r"\w", after) else cue.sub(" ", clause[:first.start()]).strip()
        said = reread(part).include if re.search(r"\w", part) else {}
        for name, values in said.items():
            gone = [v for v in include.get(name, []) if v in values]
            if gone:
                moved = True
                include[name] = [v for v in include[name] if v not in gone]
                exclude[name] = list(dict.fromkeys([*exclude.get(name, []), *gone]))
    if not moved:
        return request
    words = {w.rstrip("s") for values in exclude.values() for v in values for w in folded(v).split()}
    query = " ".join(w for w in request.query.split() if folded(w).rstrip("s") not in words)
    return request.model_copy(update={"include": {k: v for k, v in include.items() if v}, "exclude": exclude,
                                      "intent": "refine" if getattr(request, "intent", "") == "recommend" and not any(
                                          include.values()) else request.intent, "query": query})


def _type_fields(vocabulary: Any) -> set[str]:
    from chatrec.understanding import type_fields

    return set(type_fields(list(getattr(vocabulary, "fields", []) or []))) | {"category"}


def subkind_refused(request: Any, message: str, context: Any, vocabulary: Any, reread: Callable[[str], Any]) -> Any:
    """A sub-kind of a product type refused ("不要手环", "keine Fitnessarmbänder", "nada de pulseras de actividad",
    "no fitness bands, a proper smartwatch"), where the lexicon reads the sub-kind word as the type itself
    (手环 -> smartwatch): the type in force or named elsewhere in the message stays (never the whole type
    turned down, which shows unrelated products), and the sub-kind's head word ("band") is kept out of the
    titles instead of its parts ("fitness": many smart watches say it)."""
    if request.intent not in ("recommend", "refine", "reject", "more_like") or vocabulary is None:
        return request
    text = folded(message)
    kind = None
    for entry in table(_DATA)["subkinds"]:
        found = next((m for lang in ("en", "es", "de", "zh") for m in re.finditer(entry[lang], text)), None)
        if found is not None:
            kind = (entry, found)
            break
    if kind is None:
        return request
    entry, found = kind
    before = text[max(0, found.start() - 24): found.start()]
    if not re.search(r"\b(?:no|not|without|nada|ningun\w*|sin|ni|kein\w*|ohne|nicht)\b|不要|别|不想|不用|算了|不需要", before + text[found.end():found.end() + 6]):
        return request  # the sub-kind wished ("a fitness band for my mum"): the rules' reading stands
    types = _type_fields(vocabulary)
    current = {n: list(v) for n, v in (getattr(context, "current", None) or {}).items() if n in types and v}
    rest = (text[:found.start()] + " " + text[found.end():]).strip()
    named = {n: list(v) for n, v in (reread(rest).include.items() if re.search(r"\w{3,}", rest) else ()) if n in types and v}
    keep = {n: set(v) for n, v in [*current.items(), *named.items()]}
    if not keep:
        return request
    exclude = {n: [v for v in vs if not (n in keep and v in keep[n])] for n, vs in request.exclude.items()}
    exclude = {n: vs for n, vs in exclude.items() if vs}
    include = {n: list(v) for n, v in request.include.items()}
    for n, values in named.items():
        include[n] = list(dict.fromkeys([*include.get(n, []), *values]))
    words = set(entry["words"])
    avoid = list(dict.fromkeys([*(w for w in request.avoid_words if folded(w) not in words), entry["head"]]))
    query = " ".join(w for w in request.query.split() if folded(w) not in words)
    return request.model_copy(update={"exclude": exclude, "include": include, "avoid_words": avoid, "query": query,
                                      "intent": "refine" if request.intent == "reject" else request.intent})


_TYPE_NAMES = ("category", "subcategory", "subCategory", "articleType", "masterCategory")
#: The fields that say what kind of product an item is, by the names shops give them.
TYPE_NAMES = _TYPE_NAMES


@functools.lru_cache(maxsize=64)
def need_for(message: str) -> tuple[dict[str, Any], re.Match[str]] | None:
    """The need a problem statement says ("my wifi is slow in the bedroom": a Wi-Fi range extender; "mi tele
    no tiene wifi": a streaming device; "耳机老是掉": earphones that stay in), and where it is said; None when
    the message says no problem of the table. Cached: a turn asks it of one message in several places."""
    text = folded(message)
    for entry in table(_DATA)["needs"]:
        for pattern in entry["problems"].values():
            found = re.search(pattern, text)
            if found is not None:
                return entry, found
    return None


def problem_words(text: str) -> set[str]:
    """The words of the problem a text says ("my phone keeps dying": phone, keeps, dying): the device that has it
    is no feature a reason may credit to the product that meets the need (stop 60: a power bank "with phone, as its
    description says — the feature you asked for")."""
    found = need_for(text)
    return set(re.findall(r"[^\W\d_]+", found[1].group(0))) if found is not None else set()


#: A problem's verb negated: the behaviour wished for, not a complaint ("earbuds that won't fall out").
_WISHED = re.compile(r"\b(?:don'?t|do not|won'?t|will not|never|doesn'?t|does not)\s+(?:\w+\s+)?"
                     r"(?:fall|falls|slip|slips|pop|pops)\b", re.IGNORECASE)


#: An accessory named inside a problem's words: the thing that failed is what is wanted again.
_NAMED_IN_PROBLEM = re.compile(r"\b(?:charger|chargers|cable|cables|adapter|adapters|cargador|cargadores|ladegerat\w*|"
                               r"ladekabel|netzteil|dongle|adaptador)\b|充电器|充电线|数据线|网卡|适配器")


def problem_need(request: Any, message: str, reread: Callable[[str], Any]) -> Any:
    """A problem said instead of a product, in any of the four languages: the product that meets the need in
    place of the device that has the problem (the TV of "mi tele no tiene wifi" is owned, not wished), the
    problem's words no words to avoid, the list shown at once. Left alone when the shopper names another
    product ("a new router, my wifi is slow") or the shop sells nothing of the kind."""
    if request.intent not in ("recommend", "refine", "answer", "chitchat", "off_topic") or request.references:
        return request
    found = need_for(message)
    if found is None:
        return request
    entry, said = found
    if _WISHED.search(said.group(0)):
        return request  # lead: "ear buds that dont fall out" says what is wanted, read as said (set 53)
    types = {k: list(v) for k, v in reread(entry["product"]).include.items() if k in _TYPE_NAMES and v}
    if not types:
        return request  # the shop sells nothing of the kind
    devices = {v for word in entry["devices"] for k, vs in reread(word).include.items() if k in _TYPE_NAMES for v in vs}
    if _NAMED_IN_PROBLEM.search(folded(said.group(0))):
        return request  # lead: "my phone charger died, want one with usb-c": the charger is named, not the phone's need
    text = folded(message)
    rest = (text[:said.start()] + " " + text[said.end():]).strip()
    # a product named outside the problem's words ("a new router, my wifi is slow"), not one a typo read in
    # them ("se calienta" is no streaming client)
    named = {v for k, vs in reread(rest).include.items() if k in _TYPE_NAMES for v in vs} if re.search(r"\w{3,}", rest) else set()
    if named - {v for vs in types.values() for v in vs}:
        return request  # the shopper named the product wanted (lead: "..., want a new phone with a bigger battery" too)
    include = {k: list(v) for k, v in request.include.items() if k not in _TYPE_NAMES}
    include.update(types)
    problem = set(re.findall(r"\w+", said.group(0)))
    avoid = [w for w in request.avoid_words if folded(w) not in problem]
    exclude = {k: [v for v in vs if v not in devices] for k, vs in request.exclude.items()}
    return request.model_copy(update={
        "intent": "recommend", "include": include, "exclude": {k: v for k, v in exclude.items() if v},
        "avoid_words": avoid, "query": entry["product"], "show_now": True})


def need_note(message: str, heard: Any, language: str | None) -> str | None:
    """The reply's words for the need a problem statement was read as ("That sounds like a job for a Wi-Fi range
    extender (...)"), in the shopper's language; None when the message says no problem of the table or the
    request wishes no product type."""
    found = need_for(message)
    if found is None or not any(v for k, v in heard.include.items() if k in _TYPE_NAMES):
        return None
    entry = found[0]
    lang = language if language in entry["need"] else "en"
    return str(table(_DATA)["need_note"][lang].format(need=entry["need"][lang]))


def story_verbs(text: str) -> set[str]:
    """The words a shopper's story uses as verbs ("something to charge my phone when I travel": charge,
    travel; "a speaker to listen to music": listen, not music): no product feature a reason may credit
    ("with “travel” in its name"), nor the device it is done to ("my phone"). A word after an infinitive "to", a subject ("I", "we") or a modal ("can"),
    an adverb allowed between; "to" after a word it is a preposition of ("listen to music") names no verb."""
    entry = table(_DATA)["story_verbs"]
    words = re.findall(r"[a-z']+", folded(text))
    subjects = {w for w in entry["subjects"] if " " not in w}
    two = {tuple(w.split()) for w in entry["subjects"] if " " in w}
    adverbs = set(entry["adverbs"]) - {"to"}
    preposition = set(entry["before_preposition_to"])
    verbs = set(words) & set(entry["function_words"])  # "when I travel": no "with when" either
    for i, word in enumerate(words):
        j = i + 1
        if word == "to":
            if i == 0 or words[i - 1] in preposition:
                continue
        elif not (word in subjects or (i > 0 and (words[i - 1], word) in two)):
            continue
        while j < len(words) and (words[j] in adverbs or words[j].endswith("ly")):
            j += 1
        if j < len(words) and words[j] not in {"a", "an", "the", "my", "your", "our", "their", "his", "her", "it", "this", "that"}:
            verbs.add(words[j])
            # the device the verb is done to ("charge my phone") is no feature of the product either
            if j + 2 < len(words) and words[j + 1] in {"my", "our", "the", "his", "her", "their"} and (
                    words[j + 2] in _devices() or words[j + 2].rstrip("s") in _devices()):
                verbs.add(words[j + 2])
    return verbs


def _devices() -> frozenset[str]:
    from chatrec import gaps_round9

    return frozenset(table(gaps_round9._DATA)["device_for"]["words"])


def _amount(said: str) -> float | None:
    """A figure as a shopper writes it ("1,500", "2k", "20 mil", "1.5 lakh"), or None."""
    found = re.match(r"(\d[\d,.]*)\s*(k|mil|lakh|tausend)?", said.strip())
    if found is None:
        return None
    digits = found.group(1).rstrip(".,")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        value = float(re.sub(r"[.,]", "", digits))
    else:
        try:
            value = float(digits.replace(",", "."))
        except ValueError:
            return None
    scale = {"k": 1e3, "mil": 1e3, "tausend": 1e3, "lakh": 1e5}.get(found.group(2) or "", 1.0)
    return value * scale


def piece_budget(request: Any, message: str) -> Any:
    """A cap said per piece for several items ("300 each", "1000 per piece", "de 300 cada uno", "je 300",
    "每个300"): the cap of every item; or a total for a bundle ("2000 for both", "1500 en total", "insgesamt
    500", "一共2000"): no piece over the whole budget (the reply says so: :func:`budget_note`). Only when
    the rules read no budget, or read the same figure."""
    if request.intent not in ("recommend", "refine", "answer", "more_like"):
        return request
    from chatrec.request import PriceRange

    text = folded(message)
    entry = table(_DATA)
    found = re.search(entry["each_budget"]["after"], text) or re.search(entry["each_budget"]["before"], text)
    if found is None:
        total = re.search(entry["total_budget"]["pattern"], text)
        found = total
    if found is None:
        return request
    figure = next((g for g in found.groups() if g), None)
    after = text[found.end():].lstrip()
    if figure is None or (re.match(r"[^\W\d_]", after) and not re.match(
            r"(?:rs|inr|rupees?|eur|euros?|usd|dollars?|bucks|pesos|lucas|yuan|元|块|以内|以下|左右|max|tops|each|apiece)", after)):
        return request  # "a total of 3 cables": a count, no amount
    amount = _amount(figure)
    if amount is None or amount <= 0:
        return request
    price = request.price
    if price is not None and price.max is not None:
        return request  # the rules read the budget already (and converted it, when another currency is named)
    if price is None:
        price = PriceRange(min=None, max=amount)
    else:
        price = price.model_copy(update={"max": amount})
    return request.model_copy(update={"price": price})


def budget_note(message: str, heard: Any, language: str | None) -> str | None:
    """The reply's words for a total budget for several pieces ("2000 for both"), or None."""
    entry = table(_DATA)["total_budget"]
    if heard.price is None or heard.price.max is None or re.search(table(_DATA)["each_budget"]["after"], folded(message)):
        return None
    found = re.search(entry["pattern"], folded(message))
    if found is None:
        return None
    from chatrec.money import format_amount

    lang = language if language in entry["note"] else "en"
    return str(entry["note"][lang].format(amount=format_amount(heard.price.max, heard.price.currency)))


def turn_notes(message: str, heard: Any, language: str | None) -> list[str]:
    """This round's notes before a list: the need a problem was read as, a total budget's split."""
    return [n for n in (need_note(message, heard, language), budget_note(message, heard, language)) if n]


def adjust(request: Any, message: str, context: Any, vocabulary: Any, reread: Callable[[str], Any]) -> Any:
    """This round's reading steps, in order (the last step of :func:`chatrec.understanding.understand`)."""
    request = also_refused(request, message, reread)
    request = subkind_refused(request, message, context, vocabulary, reread)
    request = problem_need(request, message, reread)
    request = piece_budget(request, message)
    return no_particles(request, message)
