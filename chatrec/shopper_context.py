"""What shoppers say about their own situation while they shop (issue 12, branch i12ap, batch 13).

- **What they already own is no wish.** "I already have the boAt type c cable, now I want a lightning
  one", "Ich habe schon ein Ambrane Kabel, brauche ...", "我已经有小米的数据线了，想再买一根苹果手机用的": the
  owned item's words (its make, its connector) are read out of the request; what is asked for keeps the
  owned item's product type when it names none ("a lightning one"), "for it" is the owned device ("need a
  replacement remote for it" after "I already have a Mi tv"), and "another brand" turns the owned make
  down.
- **The device an accessory must fit, said as a statement.** While remotes or cables are sought, "its a
  samsung tv", "she has an LG smart tv", "es una LG", "er hat einen LG" name the device: its make is what
  the accessory's title must name (:class:`chatrec.dialogue.FitsMakes`), its type and make are no wish.
- **A person corrected, not an audience turned down.** "actually its for my mum not my gf", "no es para mi
  padre": the person after "not" was the wrong recipient; no audience is excluded. "是给我妈妈买的" says
  whom the item is for, no purchase.
- **Steering words read plainly.** "any brand but keep it black", "any colour then but still under 300":
  "but" brings a kept wish, not an exception; "nothing good here", "nichts dabei", "nada que me guste"
  turn every item shown down.

Cues: ``prompts/conversation_cues_13.txt``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chatrec.conversation import load_cues
from chatrec.prompting import default_prompts_dir

__all__ = ["Owned", "device_stated", "in_context", "owned_said", "person_not_excluded", "plain_steering", "read_plainly",
           "with_owned", "without_bought_type"]

_CUES_FILE = default_prompts_dir() / "conversation_cues_13.txt"
#: The canonical rejection each language's reading knows, for a "nothing good here" of that language.
_GIVEN_UP = {"given_up_en": " none of these ", "given_up_de": " keiner davon ", "given_up_es": " ninguno me gusta "}
_ARTICLE = re.compile(r"^(?:the|a|an|my|our|un|una|el|la|mi|ein|eine|einen|das|den|die|mein|meinen|meine)\s+", re.IGNORECASE)


def _cues(section: str) -> tuple[re.Pattern[str], ...]:
    return tuple(load_cues(_CUES_FILE).get(section, ()))


@dataclass(frozen=True)
class Owned:
    """An item the shopper says they already have (``text``) and the rest of the message (``rest``); ``whole``
    when the message is read whole ("we just got a samsung tv and need a wall mount": the TV says which mounts)."""

    text: str
    rest: str
    another_brand: bool
    whole: bool = False


def owned_said(message: str) -> Owned | None:
    """The owned item and the request of "I already have X, now I want Y"; None when the message says
    nothing owned, or says it with no request after it. "for it" in the request becomes the owned device
    ("need a remote for it" -> "need a remote for my Mi tv")."""
    for pattern in _cues("owned"):
        found = pattern.search(message)
        if found is None:
            continue
        owned = found.group("owned").strip()
        rest = found.group("rest").strip()
        if not owned or not re.search(r"\w", rest):
            return None
        device = _ARTICLE.sub("", owned)
        for for_it in _cues("for_it"):
            rest = for_it.sub(lambda m: _for_device(m.group(0), device), rest, count=1)
        another = any(p.search(rest) for p in _cues("another_brand"))
        return Owned(owned, rest, another)
    for pattern in _cues("bought"):
        found = pattern.search(message)
        if found is not None and found.group("owned").strip() and re.search(r"\w", found.group("rest")):
            rest = found.group("rest").strip()
            return Owned(found.group("owned").strip(), rest, any(p.search(rest) for p in _cues("another_brand")), whole=True)
    return None


def _for_device(phrase: str, device: str) -> str:
    """ "for it" -> "for my Mi tv", "para él" -> "para mi ...", "dafür" -> "für mein ..."."""
    first = phrase.split()[0].lower()
    if first == "para":
        return f"para mi {device}"
    if first.startswith(("daf", "für", "fur")):
        return f"für mein {device}"
    return f"for my {device}"


def with_owned(heard: Any, owned: Owned, owned_heard: Any, type_names: Sequence[str]) -> Any:
    """The request with what the owned item says about it: its product type when the request names none
    ("a lightning one" after "I already have the boAt type c cable"), its make turned down when another
    brand is asked for. Only a request for items (recommend, refine) changes."""
    if heard.intent not in ("recommend", "refine"):
        return heard
    include = dict(heard.include)
    exclude = {name: list(values) for name, values in heard.exclude.items()}
    if not any(include.get(name) for name in type_names):
        include.update({name: list(values) for name, values in owned_heard.include.items()
                        if name in type_names and values})
    brands = list(owned_heard.include.get("brand", ()))
    if brands and owned.another_brand:
        include["brand"] = [b for b in include.get("brand", ()) if b not in brands]
        if not include["brand"]:
            del include["brand"]
        exclude["brand"] = sorted({*exclude.get("brand", ()), *brands})
    if include == heard.include and exclude == heard.exclude:
        return heard
    return heard.model_copy(update={"include": include, "exclude": exclude})


def without_bought_type(
    heard: Any, owned: Owned | None, read: Callable[[str], Any], type_names: Sequence[str],
    audience: Sequence[str] = (), items: Iterable[Any] = (),
) -> Any:
    """The request of a message read whole without the product type of what was bought, when it asks for another
    type: "I bought a mouse last week, now I need a keyboard to match" asks for keyboards, not mice; "I bought a
    kettle last year but it broke, need a new one" still asks for kettles. When the shop sells what was bought
    to one audience only (``audience`` fields over ``items``: a dress is for women), the new type is for it too,
    unless the message says whom it is for."""
    if owned is None or not owned.whole or heard.intent not in ("recommend", "refine"):
        return heard
    bought = {(name, v) for name in type_names for v in read(owned.text).include.get(name, ())}
    if not bought or not any((name, v) not in bought for name in type_names for v in heard.include.get(name, ())):
        return heard
    include = {name: [v for v in values if (name, v) not in bought] for name, values in heard.include.items()}
    include = {name: values for name, values in include.items() if values}
    for field_name in audience:
        whom = include.get(field_name) or _sold_to(items, bought, field_name)
        if whom:
            include[field_name] = list(whom)
            break
    return heard.model_copy(update={"include": include})


def _sold_to(items: Iterable[Any], bought: set[tuple[str, str]], field_name: str) -> list[str]:
    """Whom the shop sells the product types ``bought`` to (``field_name`` values): one audience with nine in ten
    of them, or a clear first and a second ("a dress": women's or girls'); none for "men or women" (a watch)."""
    whom = Counter(str(value) for item in items if any(item.field_value(name) == v for name, v in bought)
                   if (value := item.field_value(field_name)))
    top, total = whom.most_common(2), sum(whom.values())
    for size in (1, 2):
        if len(top) >= size and top[0][1] >= 0.75 * total and sum(n for _, n in top[:size]) >= max(5, 0.9 * total):
            return [value for value, _ in top[:size]]
    return []


def _device_makes(device: str, known_makes: Iterable[str]) -> list[str]:
    """The make or model words of a device as said ("samsung tv" -> ["samsung"], "an iphone" -> ["iphone"]):
    a make of the catalogue, a device of ``prompts/device_names.txt``, a model word of the cues, or a
    capitalised word that is no generic device word."""
    from chatrec.compatible import _GENERIC, _device_names

    makes = {m.casefold() for m in known_makes} | {make.casefold() for _, make in _device_names()}
    found: list[str] = [make for phrases, make in _device_names() if any(p in device for p in phrases)]
    found += [m.group(0) for p in _cues("device_word") for m in p.finditer(device)]
    for word in re.findall(r"[A-Za-z][\w\-]*", device):
        if word.casefold() not in _GENERIC and len(word) > 1 and (word.casefold() in makes or any(c.isupper() for c in word)):
            found.append(word)
    kept: dict[str, str] = {}
    for word in found:
        kept.setdefault(word.casefold(), word)
    return list(kept.values())


def device_stated(
    heard: Any, message: str, current: Mapping[str, Sequence[str]], type_names: Sequence[str],
    known_makes: Iterable[str],
) -> tuple[Any, list[str]]:
    """The request without the device a statement names ("its a samsung tv", "she has an LG smart tv")
    while another product type is in force, and the device's makes the accessory must fit; the request
    unchanged and no makes otherwise (no type in force, no statement, or the type in force named again:
    "it's a smart tv I want")."""
    if heard.intent not in ("recommend", "refine", "answer"):
        return heard, []
    device = next((m.group("device") for p in _cues("device_stated") if (m := p.search(message))), None)
    if device is None:
        return heard, []
    # the accessory in force, else the one this message names ("un mando para la tele de mi padre, es una LG")
    in_force = {n: list(current[n]) for n in type_names if current.get(n)}
    if in_force and any(set(heard.include[n]) <= set(in_force.get(n, ())) for n in type_names if heard.include.get(n)):
        return heard, []  # the product in force named again: "it's a smart tv I want" while TVs are shown
    if not in_force:  # the accessory this message names, when the statement is a bare make ("..., es una LG")
        bare = {w.casefold() for w in re.findall(r"[^\W_][\w\-]*", device)} - {"one", "ones", "uno", "una"}
        if not bare or not bare <= {m.casefold() for m in _device_makes(device, known_makes)}:
            return heard, []
        in_force = {n: list(heard.include[n]) for n in type_names if heard.include.get(n)}
    if not in_force:
        return heard, []
    said = {n for n in type_names if heard.include.get(n) and not set(heard.include[n]) <= set(in_force.get(n, ()))}
    makes = _device_makes(device, known_makes)
    if not makes:
        return heard, []
    lowered = {m.casefold() for m in makes}
    include = {name: values for name, values in heard.include.items() if name not in said}
    if "brand" in include:
        kept = [b for b in include["brand"] if b.casefold() not in lowered]
        include = {k: v for k, v in include.items() if k != "brand"} | ({"brand": kept} if kept else {})
    return heard.model_copy(update={"include": include, "intent": "refine", "show_now": True}), makes


def person_not_excluded(heard: Any, message: str, audience: Sequence[str]) -> Any:
    """The request without audiences turned down when the message only corrects whom the item is for
    ("actually its for my mum not my gf": no "not Women")."""
    spans = [m for p in _cues("person_negated") for m in p.finditer(message)]
    if not spans:
        return heard
    rest = message.casefold()
    for span in spans:
        rest = rest.replace(span.group(0).casefold(), " ")
    exclude = {name: values for name, values in heard.exclude.items() if name not in audience}
    # "not my dad" read word by word avoids "men" in titles: a word the rest of the message does not say goes
    avoid = [w for w in heard.avoid_words if re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", rest)]
    if exclude == heard.exclude and avoid == heard.avoid_words:
        return heard
    return heard.model_copy(update={"exclude": exclude, "avoid_words": avoid})


def plain_steering(message: str) -> str:
    """The message with steering words read plainly: "是给我妈妈买的" -> "是给我妈妈的" (whom it is for, no
    purchase), "any brand but keep it black" -> "any brand, black", "nothing good here" -> "none of these"
    (in the message's language)."""
    for pattern in _cues("bought_for"):
        message = pattern.sub(lambda m: f"给{m.group('who')}的", message)
    for pattern in _cues("kept_after_but"):
        message = pattern.sub(",", message)
    for pattern in _cues("couple_more"):
        message = pattern.sub("", message)
    for pattern in _cues("any_field"):
        message = pattern.sub(lambda m: f"any {m.group('what')} is fine", message)
    for section, canonical in _GIVEN_UP.items():
        for pattern in _cues(section):
            message = pattern.sub(canonical, message)
    return " ".join(message.split()) if message.strip() else message


def read_plainly(message: str) -> tuple[str, Owned | None]:
    """The message to read (steering words read plainly, the request of "I already have X, now Y") and
    the item said as owned, if any."""
    message = plain_steering(message)
    owned = owned_said(message)
    return (owned.rest if owned is not None and not owned.whole else message), owned


def in_context(
    heard: Any, message: str, owned: Owned | None, current: Mapping[str, Sequence[str]], type_names: Sequence[str],
    known_makes: Iterable[str], audience: Sequence[str], read: Callable[[str], Any], makes: Sequence[str],
) -> tuple[Any, list[str]]:
    """The request and the device makes an accessory must fit, with what the shopper said of their own
    situation: the item owned (``owned``, its words read by ``read``), a device stated, a person corrected."""
    if owned is not None:
        heard = with_owned(heard, owned, read(owned.text), type_names)
    heard, stated = device_stated(heard, message, current, type_names, known_makes)
    heard = person_not_excluded(heard, message, audience)
    return heard, (stated or list(makes))


def only_asks_is(message: str) -> bool:
    """Whether the message is a plain yes/no question about a shown item ("is the first one gold?", "ist
    das erste blau?"), answered alone, not a wish for another version of it ("does it come in gold?")."""
    return any(p.search(message) for p in _cues("is_question")) \
        and not any(p.search(message) for p in _cues("version_words"))


def brands_given_up(message: str, wanted: Sequence[str], is_brand: Callable[[str], bool]) -> list[str]:
    """The wanted title words the message gives up: every brand (``is_brand``) for "forget the brand",
    "olvida la marca", "什么牌子都行"; the word itself for "forget titan"."""
    if not wanted:
        return []
    gone: list[str] = []
    if any(p.search(message) for p in _cues("brand_given_up")):
        gone = [w for w in wanted if is_brand(w)]
    named = {m.group("word").casefold() for p in _cues("word_given_up") for m in p.finditer(message)}
    gone += [w for w in wanted if w.casefold() in named and w not in gone]
    return gone


def bare_brand(heard: Any, message: str, brands: Callable[[str], list[str]], wishes: bool) -> Any:
    """A message that is only a brand of the titles ("nike", "Titan?") while wishes are in force: a wish
    for that brand's items (read as a refinement), not small talk."""
    if heard.intent != "chitchat" or not wishes:
        return heard
    words = re.findall(r"[^\W_][\w&.+-]*", message)
    if not words or len(words) > 3:
        return heard
    said = brands(" ".join(w.capitalize() for w in words))
    fillers = {"only", "pls", "please", "plz", "then", "ones", "one", "maybe", "just", "the"}
    if not said or any(w.casefold() not in fillers and w.casefold() not in said for w in words):
        return heard
    return heard.model_copy(update={"intent": "refine", "show_now": True})
