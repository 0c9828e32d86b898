"""Wording of Chinese, Spanish and German shoppers found by blind set 28 (issue 12).

Three mechanisms, each over the three languages rather than one sentence:

- :func:`spelled_numbers`: amounts written as words ("unter tausend", "zweihundertfünfzig",
  "menos de quinientos", "mil quinientos", "treinta y cinco") become digits before the budget is
  read, as "两千" and "fifty" already are;
- :func:`spatial_references`: a shown item named by where it stands in the list ("左边那条",
  "右边的", "el de la izquierda", "la del medio", "die linke", "ganz rechts", "in der Mitte")
  becomes "the first / last / middle one", whatever the article, measure word or ending;
- :func:`adjust`, after a message is read: an insult aimed at the assistant ("你这破机器人真垃圾",
  "eres un inútil", "du bist so dumm") is small talk (chitchat, the convention of the evaluation
  sets: "you are useless", "you're kinda slow lol"), not a wish;
  an answer to the question asked last that only says "anything" ("随便，都行", "da igual, cualquiera")
  answers it with no preference.

The folded text these functions see has accents and umlauts folded ("funfzig", "dreissig").
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["adjust", "rewrite", "spatial_references", "spelled_numbers"]

# --- numbers written as words ----------------------------------------------------------------

_DE_UNITS = {
    "ein": 1, "eins": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "fuenf": 5, "sechs": 6,
    "sech": 6, "sieben": 7, "sieb": 7, "acht": 8, "neun": 9,
}
_DE_TEENS = {
    "zehn": 10, "elf": 11, "zwolf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14, "funfzehn": 15,
    "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}
_DE_TENS = {
    "zwanzig": 20, "dreissig": 30, "dreizig": 30, "vierzig": 40, "funfzig": 50, "fuenfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}
_DE_SCALES = {"hundert": 100, "tausend": 1000}
_DE_MORPHEMES = sorted(
    [*_DE_UNITS, *_DE_TEENS, *_DE_TENS, *_DE_SCALES, "und"], key=len, reverse=True,
)

_ES_WORDS = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiuno": 21, "veintiun": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500,
    "seiscientos": 600, "seiscientas": 600, "setecientos": 700, "setecientas": 700, "ochocientos": 800,
    "ochocientas": 800, "novecientos": 900, "novecientas": 900,
}
#: Spanish words that are also articles or common words: a number only inside a longer number.
_ES_WEAK = frozenset({"un", "uno", "una", "once"})
_ES_TENS = frozenset({"treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"})
_ES_NUMBER = re.compile(
    r"\b(?:(?:" + "|".join(sorted(_ES_WORDS, key=len, reverse=True)) + r"|mil)(?:\s+y\s+|\s+)?)+\b"
)


def _german_number(word: str) -> int | None:
    """The value of one German number word ("zweihundertfunfzig" -> 250), or None."""
    parts: list[str] = []
    rest = word
    while rest:
        head = next((m for m in _DE_MORPHEMES if rest.startswith(m)), None)
        if head is None:
            return None
        parts.append(head)
        rest = rest[len(head):]
    if parts == ["und"] or parts[0] == "und" or parts[-1] == "und":
        return None
    total = current = 0
    pending_unit = 0  # "einundzwanzig": the unit before "und" adds to the tens after it
    for part in parts:
        if part == "und":
            pending_unit, current = current % 10, current - current % 10
            continue
        if part == "hundert":
            current = max(current, 1) * 100
        elif part == "tausend":
            total += max(current, 1) * 1000
            current = 0
        else:
            value = _DE_UNITS.get(part) or _DE_TEENS.get(part) or _DE_TENS.get(part, 0)
            current += value + (pending_unit if part in _DE_TENS else 0)
            pending_unit = 0
    return total + current


def _spanish_number(words: list[str]) -> int:
    total = current = 0
    for word in words:
        if word == "y":
            continue
        if word == "mil":
            total += max(current, 1) * 1000
            current = 0
        else:
            current += _ES_WORDS[word]
    return total + current


def spelled_numbers(text: str, language: str) -> str:
    """Amounts written as German or Spanish words in digits ("unter tausend" -> "unter 1000",
    "mil quinientos" -> "1500", "treinta y cinco" -> "35"). A lone small number word stays
    ("zwei", "dos", "un"): it counts things or is an article, no price."""
    if language == "de":
        # "zwei tausend", "fünf hundert": a unit apart from its scale is one number
        text = re.sub(r"\b(" + "|".join(_DE_UNITS) + r"|" + "|".join(_DE_TEENS) + r")\s+(hundert|tausend)\b", r"\1\2", text)

        def word(found: re.Match[str]) -> str:
            value = _german_number(found.group(0))
            if value is None or value < 10:
                return found.group(0)
            return str(value)

        # "20 Tausend" after a digit is read with it by chatrec.foreign_phrasing ("15 und 20 Tausend")
        return re.sub(r"(?<!\d)(?<!\d\s)\b[a-z]{4,}\b", word, text)
    if language == "es":
        def sequence_text(words: list[str]) -> str:
            said = " ".join(words)
            return str(_ES_NUMBER.sub(sequence, said))

        def sequence(found: re.Match[str]) -> str:
            said = found.group(0)
            words = said.split()
            before: list[str] = []
            after: list[str] = []
            # "y" closes no number; a weak word opens none ("un mil" is rare, "una camisa" common)
            while words and words[-1] == "y":
                after.insert(0, words.pop())
            while words and words[0] in _ES_WEAK and (len(words) == 1 or words[1] != "mil"):
                before.append(words.pop(0))
            if not words or words == ["mil"]:
                return said  # "mil" alone is read by chatrec.foreign_phrasing
            # i12q: "y" joins tens and units only ("treinta y cinco"); after another word it joins two
            # amounts ("entre mil y dos mil", "quinientos y mil"), each read alone
            cut = next((i for i in range(1, len(words) - 1) if words[i] == "y" and words[i - 1] not in _ES_TENS), None)
            if cut is not None:
                return " ".join([*before, sequence_text(words[:cut]), "y", sequence_text(words[cut + 1:]), *after]) + (
                    " " if said.endswith((" ", "\t")) else "")
            value = _spanish_number(words)
            if value < 10:
                return said
            # thousands as "20k", the form "un celular de 20 mil" takes (read as a price after "de")
            number = f"{value // 1000}k" if value >= 1000 and value % 1000 == 0 else str(value)
            return " ".join([*before, number, *after]) + (" " if said.endswith((" ", "\t")) else "")

        return _ES_NUMBER.sub(sequence, text)
    return text


# --- items named by where they stand --------------------------------------------------------

_ZH_MEASURE = "(?:个|件|双|款|条|只|块|台|部|套|顶|副|把|支|瓶|对|本|种)"
_SPATIAL: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "zh": [
        (re.compile(rf"(?:最)?左(?:边|面|侧|手边)(?:的)?(?:那|这)?(?:一?{_ZH_MEASURE})?(?:的)?"), " the first one "),
        (re.compile(rf"(?:最)?右(?:边|面|侧|手边)(?:的)?(?:那|这)?(?:一?{_ZH_MEASURE})?(?:的)?"), " the last one "),
        # "最后那款", "最后的那个": the last one, with "那"/"这" before the measure word
        (re.compile(rf"最后(?:的)?[那这]一?{_ZH_MEASURE}"), " the last one "),
        (re.compile(rf"中间(?:的)?(?:那|这)?(?:一?{_ZH_MEASURE})(?:的)?"), " the middle one "),
    ],
    "es": [
        (re.compile(r"\b(?:(?:al|del|el|la|los|las|lo)\s+)?(?:que (?:esta|estan)\s+)?(?:(?:de|a)\s+)?(?:la\s+)?"
                    r"(?:mano\s+)?(?:izquierda|izq)\b"), " the first one "),
        (re.compile(r"\b(?:(?:al|del|el|la|los|las|lo)\s+)?(?:que (?:esta|estan)\s+)?(?:(?:de|a)\s+)?(?:la\s+)?"
                    r"(?:mano\s+)?derecha\b"), " the last one "),
        (re.compile(r"\b(?:(?:al|el|la|los|las|lo)\s+)?(?:que (?:esta|estan)\s+)?(?:del|de en|en el)\s+medio\b"),
         " the middle one "),
    ],
    "de": [
        (re.compile(r"\b(?:(?:der|die|das|den|dem)\s+)?(?:ganz\s+)?(?:linke|linken|linker|linkes)\b"), " the first one "),
        (re.compile(r"\b(?:(?:der|die|das|den|dem)\s+)?(?:ganz\s+)?(?:rechte|rechten|rechter|rechtes)\b"), " the last one "),
        (re.compile(r"\b(?:(?:der|die|das|den|dem)\s+)?(?:mittlere|mittleren|mittlerer|mittleres)\b"), " the middle one "),
        # "die Uhr ganz links", "das links": a place after the item
        (re.compile(r"\b(?:ganz\s+)?links(?:\s+au(?:ss|ß)en)?\b"), " the first one "),
        (re.compile(r"\b(?:ganz\s+)?rechts(?:\s+au(?:ss|ß)en)?\b"), " the last one "),
        (re.compile(r"\bin der mitte\b"), " the middle one "),
    ],
}


def spatial_references(text: str, language: str) -> str:
    """Shown items named by their place in the list in English words: "左边那条" -> "the first
    one", "el de la derecha" -> "the last one", "die mittlere" -> "the middle one"."""
    for pattern, replacement in _SPATIAL.get(language, []):
        text = pattern.sub(replacement, text)
    return text


# --- Cantonese characters, postposed "not", German superlatives ---------------------------

#: Cantonese characters written for the Mandarin words the lexicon knows ("有冇平啲嘅" -> "有没有平点的").
_CANTONESE = {"冇": "没有", "嘅": "的", "啲": "点", "咩": "什么", "乜": "什么", "唔": "不", "係": "是", "睇": "看", "俾": "给",
              "佢": "他", "嚟": "来", "咁": "这么", "噉": "这样", "靓": "好看"}
# "棕色的不要", "白的就不要了": the wish named first and then refused (not "我不要", "都不要")
_ZH_POSTPOSED_NOT = re.compile(
    r"((?:(?![我你他她都也就还这那])[^\s，。,？?！!~～]){1,8}?)的?(?:就|也|可)?(?:不要|不想要|不喜欢|不考虑|免了|pass|别(?:再)?(?:推荐|要|给我看|拿)|不用(?:再)?推荐)"
    r"(?:了|啦|哈|吧|呀|啊)?(?=\s*(?:[，。,？?！!~～]|$))"
)
# "am leisesten", "am günstigsten": a German superlative in the English words the rules compare with
_DE_SUPERLATIVE = re.compile(r"\bam ([a-z]{3,}?)e?sten\b")


def rewrite(text: str, language: str) -> str:
    """A folded message with this module's forms written the way the rules read them (numbers,
    places, Cantonese characters, a refusal after its object, German superlatives)."""
    text = spatial_references(spelled_numbers(text, language), language)
    if language == "zh":
        text = "".join(_CANTONESE.get(ch, ch) for ch in text)
        text = _ZH_POSTPOSED_NOT.sub(lambda f: f"不要{f.group(1)}", text)
        # "再推荐几块", "再找几件": a few more of the kind (no question about a price in 块)
        text = re.sub(rf"(?:再|多)(?:推荐|找|挑|给我看|看)(?:几|一些|点)(?:{_ZH_MEASURE})?", " show me more ", text)
        # "哪部拍照好", "哪双穿着舒服": which of the shown ones is better (at something)
        text = re.sub(rf"哪一?{_ZH_MEASURE}(?:的)?((?:(?![最更])[^，。,？?！!\s]){{0,8}}?)(?:比较|会)?(?:好|强|棒)(?:一点|些|点)?(?=\s*(?:[?？吗呢，。,!！]|$))",
                      r" which of these is better \1 ", text)
    elif language == "de":
        text = _DE_SUPERLATIVE.sub(r" the most \1 ", text)
        # "Rot geht gar nicht", "Schwarz kommt nicht in Frage": a wish refused after it is named
        text = re.sub(r"\b([a-z]{3,}) (?:geht|kommt) (?:gar |uberhaupt |ueberhaupt )?(?:nicht|nich|net|ned)(?: in frage)?\b",
                      lambda f: f.group(0) if f.group(1) in _DE_PRONOUNS else f"kein {f.group(1)}", text)
        # "welches der beiden", "welcher der drei": which of the shown two / three
        text = re.sub(r"\b(welche[rs]?) (?:der|den|von den|von) (beiden|zwei|drei|vier)\b(?! (?:letzten|ersten)\b)",
                      lambda f: f"{f.group(1)} of the {_DE_COUNTS[f.group(2)]} ", text)  # ("den beiden letzten" is read later)
    elif language == "es" and re.search(r"\?\s*$", text):
        # "¿eres ChatGPT?", "¿sos un bot?": a question opening with the verb asks "are you"
        text = re.sub(r"^\W*(?:tu |vos )?(?:eres|sos)\b", " are you ", text)
    return text


_DE_PRONOUNS = frozenset({"das", "dies", "dieses", "was", "sie", "der", "die", "den", "alles", "nichts", "mir", "uns"})
_DE_COUNTS = {"beiden": "two", "zwei": "two", "drei": "three", "vier": "four"}


# --- after reading ----------------------------------------------------------------------------

_INSULT = {
    "es": re.compile(r"\b(inutil|inutiles|idiota|estupid[oa]|tont[oa]|basura|pendej[oa]|bolud[oa]|pelotud[oa]|"
                     r"mens[oa]|imbecil|una mierda|no sirves)\b"),
    "de": re.compile(r"\b(dumm|dummer?|blod|bloder?|bloed|nutzlos|idiot|doof|mist|scheiss\w*|depp|trottel|"
                     r"vollpfosten|unfahig|unbrauchbar|versager|(?:zu )?nichts zu gebrauchen|nicht zu gebrauchen|"
                     r"(?:taugst|taugt) (?:echt |ja |gar |absolut )?nichts)\b"),
    "zh": re.compile(r"垃圾|废物|笨蛋|傻[瓜逼x×b]?|白痴|蠢|智障|弱智|没用|脑残|辣鸡|拉圾"),
}
#: The assistant addressed: the insult is aimed at it, not at an item.
_ADDRESSED = {
    "es": re.compile(r"\b(eres|sos|tu|vos|te|bot|robot|asistente|maquina)\b"),
    "de": re.compile(r"\b(du|bist|dich|dir|bot|roboter|assistent|maschine|ki)\b"),
    "zh": re.compile(r"你|机器人|机械人|ai|客服|助手"),
}
#: Questions about what the assistant is ("was bist du für ein Programm?", "¿eres una IA?", "你是真人吗").
_ABOUT_YOU = {
    "zh": re.compile(r"你(?:到底|究竟)?是(?:不是)?(?:一个|个)?(?:什么|啥)?(?:机器人|人工智能|ai|真人|程序|软件|模型|人)"),
    "es": re.compile(r"\b(?:eres|sos)\b.*\b(?:un|una)?\s*(?:programa|ia|bot|robot|humano|humana|persona|maquina|inteligencia artificial)\b|"
                     r"\bque (?:eres|sos)\b|\bquien (?:eres|sos)\b"),
    "de": re.compile(r"\b(?:bist du|du bist)\b.*\b(?:programm|ki|bot|roboter|mensch|maschine|software|modell)\b|"
                     r"\bwas (?:bist du|fur ein \w+ bist du)\b|\bwer bist du\b"),
}
_ANYTHING = {
    "zh": re.compile(r"^\W*(?:随便|都行|都可以|无所谓|都好|没所谓|哪个都行|啥都行|什么都行|都ok|都可|你(?:帮我|来|替我)?(?:选|挑|定|决定)(?:吧|一个|个)?)"
                     r"(?:[\W_]*(?:随便|都行|都可以|无所谓|都好|啦|吧|呀|了|的|啊|哦|喔|哈|嘛|呗|哒))*[\W_]*$"),
    "es": re.compile(r"^\W*(?:(?:me )?da igual|cualquiera|lo que sea|no importa|me da lo mismo|como sea|"
                     r"(?:elige|escoge|elegi|decide) tu|tu (?:eliges|decides|escoges)|lo que (?:tu )?quieras|"
                     r"cualquier(?:a)? (?:esta|está) bien)(?:\W+(?:da igual|cualquiera|lo que sea|no importa|"
                     r"me da lo mismo|como sea|(?:elige|escoge|elegi|escogé|decide) tu|tu (?:eliges|decides|escoges)|"
                     r"lo que (?:tu )?quieras))*\W*$"),
    "de": re.compile(r"^\W*(?:(?:das )?(?:ist |is )?(?:mir |uns )?(?:ganz |total |voll )?(?:egal|wurscht|wurst|schnuppe|gleich)|"
                     r"passt alles|alles (?:okay|ok|gut|recht)|(?:ist )?(?:mir )?einerlei|"
                     r"such (?:du )?(?:was|eins|einen|eine|etwas)(?: fur mich)? aus|entscheide du|du entscheidest)"
                     r"(?:\W+(?:egal|wurscht|passt schon|alles gut|such (?:du )?(?:was|eins|einen|eine|etwas)(?: fur mich)? aus|"
                     r"du (?:entscheidest|suchst aus|darfst wahlen)|entscheide du|wie du willst))*\W*$"),
}


#: "Do you have X ones?" in the three languages: X is what the shopper wants more of.
_HAVE_ONES = {
    "zh": re.compile(r"^\W*(?:还)?有(?:没有|木有|冇|没)?(?:(?:什么|啥)?(?:牌子)?)?([^\s，。,？?！!的]{1,8}?)(?:牌子|品牌|家)?的"
                     r"(?:吗|么|嘛|没有|冇)?[\W_]*$"),
    "es": re.compile(r"^\W*(?:tienes|tienen|tenes|hay|tendras|tendran)\s+(?:alguno|alguna|algunos|algunas|algo|uno|una|otros?|otras?)?"
                     r"\s*(?:que sea |que sean )?(?:de|del)\s+(?:la marca\s+)?([a-z0-9][a-z0-9\-]*)\W*$"),
    "de": re.compile(r"^\W*(?:gibt es|gibts|gibt's|habt ihr|hast du|haben sie)\s+(?:die|das|den|so was|sowas|welche|einen|eine|ein|"
                     r"auch welche|die auch|das auch|den auch|auch|noch welche|auch was|was)?\s*(?:auch\s+)?(?:welche\s+)?"
                     r"(?:von|vom)\s+(?:der marke\s+)?([a-z0-9][a-z0-9\-]*)\W*$"),
}


def _brand_wish(request: Any, text: str, context: Any, vocabulary: Any) -> Any:
    """"有没有三星的？", "¿tienes alguno de LG?", "gibt es die auch von LG?" while an item of that make
    is shown ask for items of the make (a refinement), not about the shown one."""
    from chatrec.language import Lexicon
    from chatrec.understanding import normalise_tokens

    pattern = _HAVE_ONES.get(request.language)
    found = pattern.search(text) if pattern is not None else None
    if found is None or request.intent != "ask_about_item" or not request.references or vocabulary is None:
        return request
    words = normalise_tokens(Lexicon.default().translate(found.group(1), request.language))
    brands = sorted({v for match in vocabulary.find(words) for v in match.values.get("brand", ())})
    if not brands:
        return request
    return request.model_copy(update={
        "intent": "refine" if (context.current or context.shown) else "recommend", "references": [],
        "include": {**request.include, "brand": brands}, "show_now": True, "query": " ".join(words),
    })


def adjust(request: Any, raw: str, context: Any, vocabulary: Any = None) -> Any:
    """The request read from ``raw``, corrected for insults, "anything" answers and "do you have
    X ones?" (see the module)."""
    from chatrec.language import fold

    text = fold(raw)
    language = request.language
    if context is not None:
        request = _brand_wish(request, text, context, vocabulary)
    insult = _INSULT.get(language)
    addressed = _ADDRESSED.get(language)
    if (insult is not None and addressed is not None and insult.search(text) and addressed.search(text)
            and not request.references and request.price is None and request.relative_price is None
            and request.intent in ("recommend", "refine")):
        # "这个耳机真垃圾" speaks of an item; "你这破机器人真垃圾" of the assistant
        return request.model_copy(update={
            "intent": "chitchat", "include": {}, "exclude": {}, "avoid_words": [], "show_now": False, "query": "",
        })
    about_you = _ABOUT_YOU.get(language)
    if (about_you is not None and about_you.search(text) and not request.references and not request.include
            and request.intent in ("recommend", "refine", "chitchat")):
        return request.model_copy(update={"intent": "off_topic", "show_now": False, "query": "", "avoid_words": []})
    anything = _ANYTHING.get(language)
    if (context is not None and getattr(context, "pending", None) is not None and anything is not None
            and anything.search(text) and request.intent in ("chitchat", "recommend", "refine") and not request.include):
        return request.model_copy(update={"intent": "answer", "answered": context.pending[0]})
    return request
