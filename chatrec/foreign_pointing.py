"""Pointing at shown items and saying budgets in Chinese, Spanish and German: classes found by
blind set 37 (issue 12, brief i12t).

Each mechanism covers a class of wording in its language, not one sentence:

- :func:`rewrite`, on the folded message before budgets are read and words translated, writes
  these forms the way the rules read them:

  - amounts: caps and "about" said other ways ("不到两千", "别超过1500", "撑死一千", "三千来块",
    "千把块", "que no pasen de los mil", "por ahí de 1500", "Schmerzgrenze 2000"), formal (banker's) numerals ("伍佰", "壹仟贰佰") as the everyday ones, "w" for 万
    beside a budget word ("1w到1.5w", "2w以内"), "bis max. 1.000" / "máx. 500" as a cap;
  - Cantonese pointing words ("嗰隻", "呢個") as Mandarin ones;
  - a shown item by its place counted from the end ("倒数第二个", "la penúltima", "die
    vorletzte"), the middle pair ("中间那两块"), "the other one" ("另一款", "el otro",
    "das andere"), the first / last two without an article ("beide ersten");
  - an item by its number ("2号那台", "el número 3", "Nummer drei"), the first / last few
    ("头两个", "los tres primeros"), more like the one pointed at ("¿hay más como esa?");
  - shown items by a colour they share ("两条黑的", "las negras", "die schwarzen"), a shown item
    named by a Latin brand after a demonstrative ("那只boAt的"), by its colour before a
    demonstrative ("蓝的那件"), that item in another colour
    ("换成白色的");
  - none of the shown ones ("没有喜欢的", "algo diferente", "ni uno ni otro", "keine von denen",
    "weder noch", "keins davon", "andere Vorschläge?");
  - "cheaper than that one" ("比JBL那个便宜的") and a superlative of "expensive" ("carísimos");
  - a German word typed with a closing i for its y ("Handi"); a child by age ("für einen
    10-Jährigen": a boy);
  - "1万5" (15,000), "2 lucas" (2,000).

- :func:`adjust`, after a message is read:

  - a value every item pointed at already has ("第三台电视", "der dritte Fernseher") names
    what it is, no new wish;
  - a brand spelt as a common Spanish or German word, typed in lower case ("un poco más
    económico": no POCO phone), is no brand;
  - the cheapest or dearest shown one ("便宜的那个", "el caro", "das teurere"), asked about or
    wanted more of;
  - the N cheapest or dearest shown ("最便宜的两个比一下", "los dos más caros", "die zwei
    teuersten"), compared or wanted more of;
  - a question about who made the assistant ("你是哪个公司开发的？", "¿quién te creó?", "wer hat
    dich entwickelt?") is off topic; an insult to it that ``chatrec.regional_wording`` lacks
    ("你这破AI一点用都没有", "no sirves para nada") is small talk;
  - a question about both or all of the shown ones ("两个都支持5G吗", "¿los dos tienen 5G?",
    "haben beide 5G?") points at them; "how do they differ?" ("¿en qué se diferencian?") compares;
  - "which …?" over the shown ones, nothing pointed at or wished ("哪个续航最长", "¿cuál me
    llevo?", "welcher hält am längsten?", "¿cuál es el más barato?"), compares them all;
  - "which (is bigger)?" about two or more items pointed at compares them; a comparative
    about one item ("最後一個包包比較大嗎": 比較 as "rather") asks about it;
  - one clause turning some shown items down and another pointing at others ("las primeras dos
    no, la última sí") points at the others only;
  - the items pointed at turned down, nothing else wished ("前三台都不要", "ni la roja ni la
    blanca, otra cosa", "weder das rote noch das weiße"): a rejection of them;
  - a shown item by its colour and its noun ("die grüne Tasche, aber in Schwarz", "la bolsa
    verde") is the shown item of that colour, as "die grüne" already is; by its noun and maker
    ("die Sneakers von Nike", "el móvil de Samsung") the item of that maker.

The words are in ``chatrec/data/foreign_pointing.json``.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from chatrec import versus  # i12ag: "erster gegen dritter", "el primero contra el tercero"

__all__ = ["adjust", "rewrite"]

_DATA = Path(__file__).parent / "data" / "foreign_pointing.json"
_M = "(?:个|個|件|双|雙|款|条|條|只|隻|块|塊|台|部|套|顶|副|把|支|瓶|对|對|本|种|種)"


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    """The word tables of this module (read once per process)."""
    with _DATA.open(encoding="utf-8") as handle:
        table: dict[str, Any] = json.load(handle)
    return table


# --- amounts ----------------------------------------------------------------------------------

_FORMAL_RUN = re.compile(r"[零〇一二两兩三四五六七八九十百千万萬壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]{2,}")
# "1w到1.5w", "2w以内", "预算3w": w for 万 when a budget word, a range or a currency stands beside it
_W_AFTER = re.compile(r"(\d+(?:\.\d+)?)\s?w(?=\s?(?:以内|以下|之内|以上|左右|上下|之间|到|至|-|~|块|元|的预算|出头))")
_W_BEFORE = re.compile(r"((?:预算|不超过|最多|顶多|最高|到|至|-|~)\s?\d+(?:\.\d+)?)\s?w(?![a-z])")


def _amounts(text: str, language: str) -> str:
    if language == "zh":
        formal = _words()["zh_formal_numerals"]

        def everyday(found: re.Match[str]) -> str:
            run = found.group(0)
            return "".join(formal.get(ch, ch) for ch in run) if any(ch in formal for ch in run) else run

        text = _FORMAL_RUN.sub(everyday, text)
        text = re.sub(r"第([壹贰貳叁參肆伍陆陸柒捌玖])", lambda f: "第" + formal[f.group(1)], text)  # "第贰个"
        # "千元以内", "百元左右", "万元": a bare unit before the currency is one of it
        text = re.sub(r"(?<![\d零〇一二两三四五六七八九十百千万几])([百千万])(?=(?:把|来)?(?:元|块|人民币))", r"一\1", text)
        text = _W_AFTER.sub(r"\1万", text)
        text = _W_BEFORE.sub(r"\1万", text)
        # caps said other ways: "不到两千", "别超过1500", "撑死一千", "顶天了2000", "最多也就800"
        text = re.sub(r"(?:不到|别超过|别超|不能超过|不可以超过|不超|甭超过|撑死(?:了)?|顶天(?:了)?|最多也就|最多就)(?=\s?[\d零〇一二两三四五六七八九十百千万])",
                      "不超过", text)
        # about: "三千来块", "千把块", "一千出头"
        text = re.sub(r"([\d零〇一二两三四五六七八九十百千万]+(?:\.\d+)?)(?:来|把|出头)(块|元)?(?=的|\s|[,.!?，。！？]|$)", r"\1\2左右", text)
        # "1万5", "2千5", "1w5": the digit after the unit is its tenth (15,000; 2,500; 15,000)
        text = re.sub(r"(?<![\d.])(\d+)(万|千|w)(\d)(?![\d.]|\s?(?:元|块|k|万|千))", lambda f: f"{f.group(1)}.{f.group(3)}{'万' if f.group(2) == 'w' else f.group(2)}", text)
    if language == "es":
        # "que no pasen de los mil", "que no supere 500": up to; "por ahí de 1500", "más o menos 800": about
        text = re.sub(r"\bno (?:pase|pasen|supere|superen|exceda|excedan|sobrepase|sobrepasen|cueste mas|cuesten mas) (?:de )?(?:los |las )?(?=\d|mil\b|[a-z]+(?:cientos|cientas)\b)",
                      " hasta ", text)
        text = re.sub(r"\b(?:por ahi de|por ahi|mas o menos|aprox(?:imadamente)?\.?)\s*(?=\d)", " alrededor de ", text)
    if language == "de":
        # "Schmerzgrenze 2000", "Obergrenze 1500": up to
        text = re.sub(r"\b(?:schmerzgrenze|obergrenze|limit)(?: (?:ist|sind|liegt bei|bei|von))?\s*(?=\d)", " maximal ", text)
        # "um 300 rum", "so um 500 herum": about that amount
        text = re.sub(r"\b(?:so )?um (\d[\d.,]*\s*(?:euro|€|rupien|franken)?)\s*(?:rum|herum)\b", r" etwa \1 ", text)
    if language == "es":
        # "2 lucas", "una luca": thousands in Chile and Argentina
        text = re.sub(r"\b(\d+(?:[.,]\d+)?|una?) lucas?\b",
                      lambda f: str(round(float(f.group(1).replace(",", ".")) * 1000) if f.group(1)[0].isdigit() else 1000), text)
    # "bis max. 1.000", "máx. 500", "como máximo 300": one cap word, the abbreviation's dot dropped
    text = re.sub(r"\b(?:bis|hasta)\s+(?:max\.?|maximal|hochstens|maximo)\s*(?=\d)", " max ", text)
    return re.sub(r"\bmax\.\s*(?=\d)", "max ", text)


# --- pointing ---------------------------------------------------------------------------------

_ZH_DIGIT = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_ZH_COLOUR = "[黑白红蓝绿黄紫粉灰棕咖金银橙米]"
_ZH: list[tuple[re.Pattern[str], Any]] = [
    # Cantonese demonstratives (嗰 is 𠮶 once folded to simplified characters)
    (re.compile(r"[嗰𠮶]"), "那"),
    (re.compile(rf"(^|[\s,.!?，。！？])呢({_M})"), r"\1这\2"),
    # "倒数第二个": counted from the end
    (re.compile(rf"倒数第(?:二|2){_M}?的?"), " the second to last one "),
    (re.compile(rf"倒数第(?:三|3){_M}?的?"), " the third to last one "),
    (re.compile(rf"倒数第(?:一|1){_M}?的?"), " the last one "),
    # "No.2", "#3": the item of that number
    (re.compile(r"(?:\bno\.|#)\s?(\d)(?!\d)"), r" number \1 "),
    # "右边那两双", "左边两个" (read as "the last / first one" by chatrec.regional_wording): the last / first two
    (re.compile(rf"the (last|first) one\s*(?:的)?(?:那)?(两|俩|二|三)(?:{_M})?"),
     lambda f: f" the {f.group(1)} {'three' if f.group(2) == '三' else 'two'} "),
    # "左边第二双": the second from the left is the second; "右边第二个": the second to last
    (re.compile(r"the first one\s*(?:的)?(?=第)"), " "),
    (re.compile(r"the last one\s*(?:的)?第(二|2|三|3)"), r"倒数第\1"),
    # "2号那台", "一号和四号": the item of that number
    (re.compile(rf"(?<![\d.])(\d|[一二三四五六七八九])号(?:那|这)?(?:一)?{_M}?"), lambda f: f" number {_ZH_DIGIT.get(f.group(1), f.group(1))} "),
    # "头两个", "头三款": the first ones, as "前两个"
    (re.compile(rf"头(两|俩|二|三|四|2|3|4)(?={_M})"), r"前\1"),
    # "中间那两块", "中间两个": the middle pair
    (re.compile(rf"中间(?:的)?(?:那|这)?(?:两|二|俩){_M}?(?:的)?"), " the middle one "),
    # ... as "the 中间 ones" once "那两块…类似的" was read as "the ones" (chatrec.foreign_shoppers)
    (re.compile(r"\bthe 中间的? ones\b"), " the middle one "),
    # "另一款", "另外那个", "另外一台": the other one
    (re.compile(rf"那?另(?:外)?(?:一|那|这)?{_M}"), " the other one "),
    # "两条黑的", "那几件白色的": the shown ones of that colour
    (re.compile(rf"(?:这|那)?(?:两|俩|三|几)(?:{_M})({_ZH_COLOUR})色?的"), r" the \1色 ones "),
    # "那只boAt的", "那台lg": the shown one of that brand
    (re.compile(rf"那{_M}([a-z][a-z0-9.\-]*)(?:的|(?=\s*[,.!?，。！？]|$))"), r" the \1 one "),
    # "蓝的那件", "黑色的那双": the shown one of that colour
    (re.compile(rf"({_ZH_COLOUR})色?的那(?:一)?{_M}"), r" the \1色 one "),
    # "换成白色的", "换个黑的": that item in another colour
    (re.compile(rf"(?:换成|换个|换一个|改成|改为|换)(?:成)?({_ZH_COLOUR})色?的?(?:有吗|有没有|呢|吗)?"), r" , but in \1色 "),
    # "粉的就别了", "黑色也别了": the wish named first and then refused
    (re.compile(r"((?:(?![我你他她都也就还这那])[^\s，。,？?！!]){1,8}?)的?(?:就|也)?别(?:了|啦|吧|哈)+(?=\s*(?:[，。,？?！!]|$))"), r"不要\1的"),
    # "没有喜欢的", "一个都没看上的": none of the shown ones
    (re.compile(r"(?:^|(?<=[,.!?，。！？\s]))(?:一个)?(?:都)?没(?:有)?(?:一个)?(?:我)?(?:喜欢|看上|看中|满意|中意|合适)的?(?=\s*(?:[,.!?，。！？]|$))"),
     " none of these "),
    # "别的颜色", "其他颜色": other colours (not "别" as "don't")
    (re.compile(r"(?:别的|其他的?|其它的?)(?:颜色|色)"), " other colours "),
    # "…，还有吗？" as a clause of its own: are there more of these
    (re.compile(r"(^|[,.!?，。！？]\s*)还有(?:吗|么|嘛|没有|没|不)\s*(?=[?？]|$)"), r"\1 more like these "),
    # "比JBL那个便宜的": under the price of that item
    (re.compile(r"比([^，,。？?！!\s]{1,15}?)(?:还|更|再)?(?:便宜|实惠)(?:一点|一些|点|些)?的?"), r" cheaper than \1 "),
]
_ES_COUNT = {"dos": "two", "tres": "three", "cuatro": "four", "2": "two", "3": "three", "4": "four"}
_ES_ORDINAL = {"primer": "first", "segund": "second", "tercer": "third", "cuart": "fourth", "quint": "fifth", "ultim": "last"}
_ES_NUMBER = {"uno": "1", "una": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5"}
_DE_NUMBER = {"eins": "1", "zwei": "2", "drei": "3", "vier": "4", "funf": "5"}
_ES: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"(?:#|\bn[º°o]\.?\s?)(\d)(?!\d)"), r" number \1 "),  # "#2", "nº 3"
    # "el número 3", "la nro. 2": the item of that number
    (re.compile(r"\b(?:(?:el|la) )?(?:numero|num\.?|nro\.?|n°|#)\s?(\d|uno|una|dos|tres|cuatro|cinco)\b"),
     lambda f: f" number {_ES_NUMBER.get(f.group(1), f.group(1))} "),
    # "los tres primeros", "las dos últimas", "los primeros dos": the first / last ones
    (re.compile(r"\b(?:los|las) (dos|tres|cuatro|2|3|4) (primer|ultim)[oa]s\b"),
     lambda f: f" the {'first' if f.group(2) == 'primer' else 'last'} {_ES_COUNT[f.group(1)]} "),
    (re.compile(r"\b(?:los|las) (primer|ultim)[oa]s (dos|tres|cuatro|2|3|4)\b"),
     lambda f: f" the {'first' if f.group(1) == 'primer' else 'last'} {_ES_COUNT[f.group(2)]} "),
    # i12ab: "las primeras" of sunglasses, "las segundas" of trainers (a pair is plural in Spanish): that one
    (re.compile(r"\b(?:los|las) (primer|segund|tercer|cuart|quint|ultim)[oa]s\b(?!\s*(?:dos|tres|cuatro|\d))"),
     lambda f: f" the {_ES_ORDINAL[f.group(1)]} one "),
    # "¿hay más como esa?", "otros parecidos a ese": more like the one pointed at
    (re.compile(r"\b(?:(?:hay|tienes|tienen|tenes|muestrame|ensename) )?(?:mas|otr[oa]s) (?:como|parecid[oa]s a) (?:es[aeo]s?|est[aeo]s?|ell[ao]s?)\b"),
     " more like that "),
    (re.compile(r"\b(?:el|la|los|las) antepenultim[oa]s?\b"), " the third to last one "),
    (re.compile(r"\b(?:el|la|los|las) penultim[oa]s?\b"), " the second to last one "),
    (re.compile(r"\b(?:el|la|lo) otr[oa]\b(?=\s*(?:[,.!?]|$|cuanto|que|es|me|tiene|como|cuesta|vale|esta|tal))"),
     " the other one "),
    (re.compile(r"\b(?:car|costos)isim[oa]s?\b"), " too expensive "),
    # "algo que no sea tan caro": cheaper, not dearer
    (re.compile(r"\b(?:que )?no (?:sea|sean|este|esten|salga|salgan) (?:tan |muy )?(?:car[oa]s?|costos[oa]s?)\b"), " cheaper "),
    # "algo diferente", "ni uno ni otro": none of the shown ones
    (re.compile(r"\balgo (?:diferente|distinto)\b"), " something else "),
    (re.compile(r"^\W*ni (?:uno|una|el uno|la una) ni (?:otro|otra|el otro|la otra)\b"), " none of these "),
    # "los de Samsung y Redmi": one article per name, as "el de Samsung y el de Redmi"
    (re.compile(r"\b(?:los|las) de ([a-z0-9][a-z0-9\-]*) (y|o) ([a-z0-9][a-z0-9\-]*)\b"), r" el de \1 \2 el de \3 "),
]
_DE: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"#\s?(\d)(?!\d)"), r" number \1 "),  # "#2"
    # "Nummer drei", "die Nr. 2": the item of that number
    (re.compile(r"\b(?:(?:der|die|das|den) )?(?:nummer|nr\.?)\s?(\d|eins|zwei|drei|vier|funf)\b"),
     lambda f: f" number {_DE_NUMBER.get(f.group(1), f.group(1))} "),
    (re.compile(r"\b(?:der|die|das|den|dem) vorvorletzte[nrs]?\b"), " the third to last one "),
    (re.compile(r"\b(?:der|die|das|den|dem) vorletzte[nrs]?\b"), " the second to last one "),
    (re.compile(r"\b(?:der|die|das|den) andere[nrs]?\b(?=\s*(?:[,.!?]|$|ist|hat|kostet|gefallt|sieht|bitte|nehm|war))"),
     " the other one "),
    (re.compile(r"\b(?:die )?beide[n]? (ersten|letzten)\b"), lambda f: f" the {'first' if f.group(1) == 'ersten' else 'last'} two "),
    # "für einen 10-Jährigen" / "für meine 8-jährige": a boy / a girl of that age
    (re.compile(r"\b(?:einen|meinen|den|deinen|unseren) (\d{1,2})\s?-?\s?jahrigen\b"), r" jungen "),
    (re.compile(r"\b(?:eine|meine|die|deine|unsere) (\d{1,2})\s?-?\s?jahrige\b"), r" madchen "),
    # "darf auch mehr kosten": dearer is fine
    (re.compile(r"\bdarf (?:auch |ruhig |gerne |gern )?(?:etwas |ein bisschen |bisschen |ein wenig )?mehr kosten\b"), " pricier "),
    # "die beiden Nike-Taschen", "die zwei Nike,": the ones of that name, not the first two
    (re.compile(r"\b(die|den) (?:beiden|zwei|drei) ([a-z0-9]+)-(?=[a-z])"), r"\1 \2-"),
    (re.compile(r"\b(die|den) (?:beiden|zwei|drei) ([a-z0-9]+)(?=\s*[,.?!])(?<!ersten)(?<!letzten)(?<!anderen)"), r"\1 von \2"),
    # "die von Samsung und Redmi": one article per name
    (re.compile(r"\b(?:die|den) von ([a-z0-9][a-z0-9\-]*) (und|oder) ([a-z0-9][a-z0-9\-]*)\b"), r" die von \1 \2 die von \3 "),
    (re.compile(r"^\W*weder noch\b"), " none of these "),
    # "andere Vorschläge?", "noch andere Modelle": other options
    (re.compile(r"\b(?:noch )?(?:andere|weitere) (?:vorschlage|vorschlaege|optionen|alternativen|modelle|sachen|ideen)\b"),
     " other options "),
    # "die teuerste", "den günstigsten": the dearest / cheapest shown
    (re.compile(r"\b(?:der|die|das|den|dem) teuerste[nrs]?\b"), " the most expensive one "),
    (re.compile(r"\b(?:der|die|das|den|dem) (?:billigste|gunstigste|preiswerteste)[nrs]?\b"), " the cheapest one "),
    (re.compile(r"\bkein(?:e|er|es|s)?\s+(?:von\s+)?(?:denen|davon|diesen|den beiden|beiden|den dreien|den vieren)\b"),
     " none of these "),
]


def _colour_ones(text: str, language: str) -> str:
    """"las negras", "die schwarzen" (an article, maybe a count, a colour adjective with no noun):
    the shown ones of that colour."""
    colours: dict[str, str] = _words()["colour_adjectives"].get(language, {})
    if not colours:
        return text
    stems = "|".join(sorted(map(re.escape, colours), key=len, reverse=True))
    if language == "es":
        pattern = re.compile(rf"\b(?:los|las)(?: dos| tres)? ({stems})(?:os|as|es|s)?\b(?=\s*(?:[,.!?]|$|(?:me|son|estan|y)\b))")
    else:
        pattern = re.compile(rf"\b(?:die|den)(?: beiden| zwei| drei)? ({stems})en\b(?=\s*(?:[,.!?]|$|(?:gefallen|sind|mag|finde|passen|haben)\b))")
    return pattern.sub(lambda f: f" the {colours[f.group(1)]} ones ", text)


def rewrite(text: str, language: str, lexicon: Any = None) -> str:
    """A folded message with this module's forms (see the module docstring) written the way the rules read them."""
    if language not in ("zh", "es", "de"):
        return text
    text = _amounts(text, language)
    rules: list[tuple[re.Pattern[str], Any]] = {"zh": _ZH, "es": _ES, "de": _DE}[language]
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    text = versus.rewrite(text, language)  # i12ag: "erster gegen dritter", "el primero contra el tercero"
    if language in ("es", "de"):
        text = _colour_ones(text, language)
    if language == "de" and lexicon is not None:
        # "Handi" for "Handy": a closing i typed for the y of a German lexicon word
        table = lexicon.entries.get("de", {})
        text = re.sub(r"\b([a-z]{3,})i\b", lambda f: f"{f.group(1)}y" if f"{f.group(1)}y" in table and f.group(0) not in table
                      else f.group(0), text)
    return text


# --- after reading ----------------------------------------------------------------------------

_MAKER = {
    "zh": re.compile(r"(?:你|你们)(?:是)?(?:由)?(?:谁|哪个|哪家|哪一家|什么)(?:公司|团队|人|厂商|机构)?(?:开发|研发|做|制作|训练|创造|设计|搞)(?:出来)?的|"
                     r"谁(?:开发|研发|做|制作|训练|创造|设计)(?:了)?你|你(?:用的|背后)?是(?:什么|哪个|哪家)(?:模型|大模型|公司)"),
    "es": re.compile(r"\bquien te (?:creo|hizo|desarrollo|programo|entreno|diseno)\b|\b(?:que|cual) empresa te\b|"
                     r"\bde (?:que|cual) empresa (?:eres|sos)\b|\bque modelo (?:eres|sos|usas)\b"),
    "de": re.compile(r"\bwer hat dich (?:gebaut|gemacht|entwickelt|programmiert|trainiert|erschaffen|erstellt)\b|"
                     r"\b(?:von )?welche[rm]? firma (?:bist|kommst|hat) (?:du|dich)\b|\bwelches modell bist du\b"),
}
#: Insults to the assistant that chatrec.regional_wording lacks ("你这破AI一点用都没有", "no sirves para nada").
_INSULT = {
    "zh": re.compile(r"笨|(?:一点|一点儿|半点)用(?:都|也)没有|差劲|烂透|太烂了|废柴|没脑子"),
    "es": re.compile(r"\bno (?:sirves|vales) (?:para )?nada\b|\beres (?:muy |tan |un )?(?:lento|malo|pesimo|torpe)\b"),
    "de": re.compile(r"\b(?:bist|du) (?:echt |so |total |voll |ja )?(?:schlecht|langsam|nervig|nutzlos|unfahig)\b|\btaugst nix\b"),
}
_ADDRESSED = {
    "zh": re.compile(r"你|机器人|ai|客服|助手"),
    "es": re.compile(r"\b(?:eres|sos|tu|vos|te|bot|robot|asistente)\b"),
    "de": re.compile(r"\b(?:du|bist|dich|dir|bot|roboter|assistent|ki)\b"),
}
_WHICH = {
    "zh": re.compile(r"哪(?:个|一个|款|一款|台|只|件|双|条|部)?(?!里|儿)"),
    "es": re.compile(r"\bcual(?:es)?\b"),
    "de": re.compile(r"\bwelche[rsnm]?\b"),
}
#: All the shown ones, or both: "两个都", "这几款", "los dos", "ambos", "beide", "alle".
_BOTH = {
    "zh": re.compile(rf"(?:这|那)?(?:两|俩)(?:{_M})?都|(?:这|那)(?:两|俩)(?:{_M})?|它俩"),
    "es": re.compile(r"\b(?:los|las) dos\b|\bamb[oa]s\b"),
    "de": re.compile(r"\bbeide[n]?\b|\bdie zwei\b"),
}
_ALL = {
    "zh": re.compile(rf"(?:这|那)?(?:几|三|四)(?:{_M})?都|(?:这|那)(?:几|些)(?:{_M})?|它们|全都|都(?:是|有|支持|能)"),
    "es": re.compile(r"\b(?:todos|todas)\b|\b(?:los|las) (?:tres|cuatro)\b"),
    "de": re.compile(r"\balle\b|\b(?:die )?(?:drei|vier)\b"),
}
_DIFFERENCE = {
    "zh": re.compile(r"区别|差别|不同|对比|差在哪|差异"),
    "es": re.compile(r"\bdiferencia\w*|\bcompar\w*"),
    "de": re.compile(r"\bunterschied\w*|\bvergleich\w*|\bunterscheiden\b"),
}


def _together(language: str, text: str, shown: list[Any]) -> list[Any]:
    """The shown items a "both" or "all" word points at (both: the first two), or none."""
    if _BOTH[language].search(text):
        return [_ref(p, shown, "all") for p in range(1, min(2, len(shown)) + 1)]
    if _ALL[language].search(text):
        return [_ref(p, shown, "all") for p in range(1, len(shown) + 1)]
    return []


#: A question over the shown ones opening with "which" ("哪个续航最长", "¿cuál me llevo?", "welcher hält …?").
_WHICH_OF_ALL = {
    "zh": re.compile(r"(?:^|[,，\s]|是|买|选|推荐|要)哪(?:个|一个|款|一款|台|只|件|双|条|部|块)(?!牌子|品牌|颜色)|哪(?:个|一个|款|台|只|件|双|条|部|块)(?:最|更|比较)"),
    "es": re.compile(r"(?:^|[¿,]\s*)(?:y )?cual(?:es)?\b(?! (?:es tu nombre|es el clima|es la capital))"),
    "de": re.compile(r"(?:^|[,]\s*)(?:und )?welche[rsnm]?\b(?! (?:farbe|marke|grosse|große) (?:hat|ist|gibt))"),
}
_PRICE_SUPERLATIVE = {
    "zh": re.compile(r"最(?:便宜|贵|实惠)"),
    "es": re.compile(r"\b(?:el|la) mas (?:barat|car|economic)[oa]\b"),
    "de": re.compile(r"\b(?:die|der|das) (?:gunstigste|billigste|teuerste|preiswerteste)\b"),
}
_NEGATED_CLAUSE = {
    "zh": re.compile(r"(?:不要|不行|不喜欢|不考虑|算了|pass)\W*$"),
    "es": re.compile(r"\b(?:no|nada|tampoco)\W*$"),
    "de": re.compile(r"\b(?:nicht|nein|keine?)\W*$"),
}
#: Refusing the items pointed at ("前三台都不要", "ni la roja ni la blanca", "weder das rote noch das weiße").
_REFUSAL = {
    "zh": re.compile(r"(?:都|也)?(?:不要|不喜欢|不行|不考虑|算了|免了)(?:了|啦|吧|哈)?(?=\s*(?:[,.!?，。！？]|$))|^\W*(?:我)?(?:不要|不喜欢)"
                     # i12ac: judged and turned down ("第二台看不上", "第二个太丑了", "第三个不怎么样")
                     r"|看不上|看不中|不怎么样|不好看|难看|(?<!不)丑|不满意|不咋(?:地|样)|没感觉|不感冒"),
    "es": re.compile(r"\bni\b(?=.*\bni\b)|\bni\b|\bno me (?:gusta|gustan|convence|convencen)\b|\bno quiero\b"
                     r"|\b(?:es|son) (?:muy |bastante |demasiado |un poco )?(?:fe[oa]s?|horribles?)\b|\bque fe[oa]s?\b"
                     r"|\bno me (?:termina|acaba) de convencer\b|\bno me dice nada\b"),  # i12ac: "el segundo es feo"
    "de": re.compile(r"\bweder\b|\bnoch\b(?! (?:andere|weitere|mehr|was|etwas|eins?|einen?|welche))|\b(?:gefall(?:t|en) mir|mag ich|will ich) (?:gar |echt |beide |alle )?nicht\b"
                     r"|\bhasslich\b|\bfinde? ich (?:gar |echt |uberhaupt )?nicht (?:gut|schon|toll|so toll)\b"
                     r"|\bnicht (?:so )?mein (?:fall|geschmack|ding)\b|\buberzeugt mich (?:gar |echt )?nicht\b"
                     r"|\bnichts fur mich\b"),  # i12ac: "das dritte finde ich nicht gut", "das zweite ist hässlich"
    # (stop 39: "noch andere in Blau?" asks for more, no "weder ... noch")
}
#: Asking for more like the items pointed at: no refusal ("第一件不要太大的，类似的有吗" keeps them).
_MORE_LIKE_WORDS = {
    "zh": re.compile(r"类似|相似|相近|相仿|近似|差不多|同款|一样|这样|那样|像"),  # i12ag: 相仿, 近似
    "es": re.compile(r"\b(?:parecid[oa]s?|similar(?:es)?|como (?:es[aeo]|est[aeo])|mas as[ií])\b"),
    "de": re.compile(r"\b(?:ahnlich\w*|so was|sowas|mehr davon|wie (?:der|die|das))\b"),
}
_NOUN_REFERENCE = {
    "de": re.compile(r"^\W*(?P<art>die|der|das|den) (?P<adj>[a-z]+?e[nrs]?|rosa|lila|pink|beige|orange|bunt) (?P<noun>[a-z]{3,})\b"),
    "es": re.compile(r"^\W*(?P<art>el|la|los|las) (?P<noun>[a-z]{3,}) (?P<adj>[a-z]+?)\b"),
}
#: "die Sneakers von Nike", "el móvil de Samsung": a shown item by its noun and its maker.
_NOUN_OF_MAKER = {
    "de": re.compile(r"^\W*(?P<art>die|der|das|den) (?P<noun>[a-z]{3,}) von\b"),
    "es": re.compile(r"^\W*(?P<art>el|la|los|las) (?P<noun>[a-z]{3,}) de\b(?! (?:mi|tu|su|la|el|los|las)\b)"),
}


#: Counted from the end: "倒数第二个" (k=2), "la penúltima", "die vorletzte"; "antepenúltima", "vorvorletzte" (k=3).
_FROM_END = {
    "zh": re.compile(r"(?:倒数|右(?:边|面|侧)(?:的)?(?:数)?)第(?P<k>二|2|三|3)"),
    "es": re.compile(r"\b(?P<k>ante)?penultim[oa]s?\b|\b(?:el|la) (?P<k2>segund|tercer)[oa]? (?:de|desde) la derecha\b"),
    "de": re.compile(r"\b(?P<k>vor)?vorletzte[nrs]?\b|\b(?:die|der|das|den) (?P<k2>zweit|dritt)e[nrs]? von rechts\b"),
}
#: "比JBL那个便宜", "más barato que el JBL", "günstiger als der JBL": under the price of an item pointed at.
_CHEAPER_THAN = {
    "zh": re.compile(r"比.{1,15}?(?:还|更|再)?(?:便宜|实惠)|(?:不超过|低于|不要超过|别超过).{1,15}?的?(?:价格|价钱|价)"),
    "es": re.compile(r"\b(?:mas )?(?:barat[oa]s?|economic[oa]s?) que (?:el|la|los|las)\b|\bpor debajo del precio de(?:l| la)?\b|"
                     r"\bmenos de lo que cuesta\b"),
    "de": re.compile(r"\b(?:gunstiger|billiger|preiswerter)(?:e[nrs]?)? als (?:der|die|das|den)\b|"
                     r"\bunter dem preis (?:vo[nm]|des|der)\b|\bweniger als (?:der|die|das) \w+ kostet\b"),
}
#: A pronoun for the item talked about ("这个还有别的颜色吗", "¿esta es de cuero?", "hat dieser Bluetooth?").
_THIS_ONE = {
    "zh": re.compile(rf"(?:^|[,.!?，。！？\s])(?:这|那)(?:一)?{_M}(?![\u4e00-\u9fff]{{0,3}}?(?:都|些))"),
    "es": re.compile(r"\b(?:este|esta|ese|esa|esto|eso|aquel|aquella)\b"),
    "de": re.compile(r"\b(?:dieser|diese|dieses|diesen|der hier|die hier|das hier|den hier)\b"),
}


_NEVER = re.compile(r"(?!x)x")
#: The brand (written \0) pointed at: a demonstrative or an article beside it.
_POINTED = {
    "zh": re.compile(rf"\0\s*(?:的)?(?:那|这|𠮶|嗰)(?:一)?{_M}|(?:那|这|𠮶|嗰)(?:一)?{_M}\s*\0"),
    "es": re.compile(r"\b(?:el|la|los|las)(?: de)? \0"),
    "de": re.compile(r"\b(?:der|die|das|den|dem)(?: von)? \0"),
}


def _ref(position: int, shown: list[Any], how: Literal["position", "title", "attribute", "other", "all"]) -> Any:
    from chatrec.request import ItemReference

    item = shown[position - 1]
    return ItemReference(position=position, item_id=str(getattr(item, "id", "")) or None, how=how)


def _brand_alias(request: Any, raw: str, shown: list[Any], reread: Callable[[str], Any]) -> Any:
    """"小米那台，再便宜点的": a brand named by another of its names (小米 is Xiaomi and Mi) that
    one shown item carries points at that item, as its own spelling does ("MI那台")."""
    from chatrec.language import Lexicon, fold

    wished = {fold(b) for b in request.include.get("brand", ())}
    carriers = [i for i, item in enumerate(shown, start=1) if fold(str(getattr(item, "brand", "") or "")) in wished]
    if len(carriers) != 1:
        return None
    brand = str(getattr(shown[carriers[0] - 1], "brand", ""))
    table = Lexicon.default().entries.get(request.language, {})
    text = fold(raw)
    aliases = [k for k, v in table.items() if k in text and fold(brand) in v.split() and len(v.split()) > 1]
    if not aliases:
        return None
    alias = max(aliases, key=len)
    # pointed at ("小米那台", "el Xiaomi", "der von Xiaomi"), not asked for ("有没有小米的？")
    if not _POINTED.get(request.language, _NEVER).search(text.replace(alias, " \0 ")):
        return None
    again = reread(text.replace(alias, f" {brand} "))
    if [r.position for r in again.references if r.how != "all"] == carriers and fold(brand) not in {
            fold(b) for b in again.include.get("brand", ())}:
        return again
    return None


_COUNT = {"两": 2, "俩": 2, "二": 2, "三": 3, "2": 2, "3": 3, "dos": 2, "tres": 3, "zwei": 2, "beiden": 2, "drei": 3}
#: "最便宜的两个", "los dos más caros", "die zwei teuersten": the N cheapest / dearest shown.
_N_BY_PRICE = {
    "zh": re.compile(rf"(?P<cheap>最便宜|最实惠|最贵)的?(?:那)?(?P<n>两|俩|二|三|2|3)(?:{_M})|(?P<n2>两|俩|三|2|3)(?:{_M})?(?P<cheap2>最便宜|最实惠|最贵)的"),
    "es": re.compile(r"\b(?:los|las) (?P<n>dos|tres|2|3) (?:mas )?(?P<cheap>barat|economic|car)[oa]s\b"),
    "de": re.compile(r"\b(?:die|den) (?P<n>zwei|beiden|drei|2|3) (?P<cheap>teuerst|teurer|billigst|billiger|gunstigst|gunstiger|preiswertest)en\b"),
}
_COMPARE_CUE = {
    "zh": re.compile(r"比|区别|差别|不同|哪|对比|\?|？"),
    "es": re.compile(r"\?|\b(?:compara\w*|diferencia\w*|cual|mejor)\b"),
    "de": re.compile(r"\?|\b(?:vergleich\w*|unterschied\w*|welche[rs]?|besser)\b"),
}


#: One shown item by its price: "便宜的那个", "贵一点的那台", "el caro", "la más barata", "das billigere", "der teuerste".
_ONE_BY_PRICE = {
    "zh": re.compile(r"(?:比较|更|最)?(?P<word>便宜|实惠|贵)(?:一点|点|些)?的那(?:一)?(?:个|個|件|双|雙|款|条|條|只|隻|块|塊|台|部|套|顶|副|把|支|瓶|对|對|本)"),
    "es": re.compile(r"\b(?:el|la) (?:mas )?(?P<word>barat|economic|car)[oa]\b(?! que (?:el|la|los|las|lo)\b)"),
    "de": re.compile(r"\b(?:der|die|das|den|dem) (?P<word>teurer|billiger|gunstiger|preiswerter|teuerst|billigst|gunstigst|preiswertest)e[nrs]?\b"),
}
_QUESTION_CUE = {
    "zh": re.compile(r"[?？]|吗|么|多大|多少|怎么样|咋样|如何|好在哪|有什么|是什么|能不能|可以.{0,6}吗|为什么|为啥"),
    "es": re.compile(r"\?|\b(?:que|como|cuanto|cuanta|tiene|es|trae|vale|sirve|por que)\b"),
    "de": re.compile(r"\?|\b(?:was|wie|hat|ist|lohnt|kann|taugt|warum|wieso)\b"),
}


def _one_by_price(request: Any, text: str, language: str, shown: list[Any]) -> Any:
    """"便宜的那个电池多大", "¿y el caro qué tiene de especial?", "das teurere, lohnt sich das?":
    the cheapest or dearest shown item, asked about or wanted more of (None when not said)."""
    found = _ONE_BY_PRICE[language].search(text)
    if found is None or len(shown) < 2 or request.intent in ("compare", "reject", "off_topic", "chitchat", "start_over"):
        return None
    prices = [float(getattr(item, "price", 0) or 0) for item in shown]
    if not all(prices):
        return None
    word = found.group("word")
    dear = word in ("贵", "car") or word.startswith("teu")
    target = max(prices) if dear else min(prices)
    positions = [i for i, price in enumerate(prices, start=1) if price == target]
    if len(positions) != 1:
        return None
    if _MORE_LIKE_WORDS[language].search(text):
        intent = "more_like"
    elif _QUESTION_CUE[language].search(text):
        intent = "ask_about_item"
    else:
        return None
    return request.model_copy(update={
        "intent": intent, "references": [_ref(positions[0], shown, "attribute")], "relative_price": None, "price": None,
        "include": {k: v for k, v in request.include.items() if intent == "more_like"}, "exclude": {},
        "show_now": intent == "more_like",
    })


def _by_price(request: Any, text: str, language: str, shown: list[Any]) -> Any:
    """"最便宜的两个比一下", "los dos más caros, ¿en qué se diferencian?": the N cheapest or dearest
    of the items shown, compared (None when the message says no such thing)."""
    found = _N_BY_PRICE[language].search(text)
    if found is None:
        return None
    n = _COUNT.get(found.group("n") or found.groupdict().get("n2") or "", 0)
    word = found.group("cheap") or found.groupdict().get("cheap2") or ""
    priced = [(float(getattr(item, "price", 0) or 0), i) for i, item in enumerate(shown, start=1)]
    if n < 2 or n >= len(shown) or not all(p for p, _ in priced):
        return None
    dearest = word in ("最贵", "car") or word.startswith("teu")
    chosen = sorted(priced, key=lambda pair: (-pair[0] if dearest else pair[0], pair[1]))[:n]
    if _MORE_LIKE_WORDS[language].search(text):
        intent = "more_like"
    elif _COMPARE_CUE[language].search(text):
        intent = "compare"
    else:
        return None
    return request.model_copy(update={
        "intent": intent, "references": [_ref(i, shown, "attribute") for _, i in sorted(chosen, key=lambda pair: pair[1])],
        "relative_price": None, "price": None, "include": {}, "exclude": {}, "show_now": intent == "more_like",
    })


def _item_values(item: Any, name: str) -> set[str]:
    from chatrec.language import fold

    value = getattr(item, name, None) if name in ("category", "brand") else (getattr(item, "attributes", {}) or {}).get(name)
    return {fold(str(value))} if value else set()


def _own_values_dropped(request: Any, context: Any) -> Any:
    """"第三台电视不错，还有类似的吗", "der dritte Fernseher": the item's own noun after a place
    names what it is, no new wish (a value every item pointed at already has is dropped)."""
    from chatrec.language import fold

    shown = list(getattr(context, "shown", ()) or ()) if context is not None else []
    named = [r for r in request.references if r.how != "all" and 0 < r.position <= len(shown)]
    if not named or not request.include or request.intent not in ("more_like", "ask_about_item", "compare", "reject"):
        return request
    include = {
        name: values for name, values in request.include.items()
        if not all(_item_values(shown[r.position - 1], name) & {fold(v) for v in values} for r in named)
    }
    return request if include == request.include else request.model_copy(update={"include": include})


def _no_common_word_brands(request: Any, raw: str, language: str) -> Any:
    """"algo un poco más económico": a brand spelt as a common word of the shopper's language
    (POCO), typed in lower case, is that word, no brand wish."""
    from chatrec.language import fold

    common = set(_words()["common_words"].get(language, ()))
    typed = set(re.findall(r"\b[a-zà-ÿß]+\b", raw))  # words typed in lower case
    said = {fold(w) for w in typed}
    update = {}
    for slot in ("include", "exclude"):
        brands = getattr(request, slot).get("brand", [])
        kept = [b for b in brands if not (fold(b) in common and fold(b) in said)]
        if len(kept) < len(brands):
            values = {k: v for k, v in getattr(request, slot).items() if k != "brand"}
            if kept:
                values["brand"] = kept
            update[slot] = values
    return request.model_copy(update=update) if update else request


def adjust(
    request: Any, raw: str, context: Any, vocabulary: Any = None,
    reread: Callable[[str], Any] | None = None,
) -> Any:
    """Correct a rules request for the classes of the module docstring's second list.

    Args:
        request: The request of the rules so far.
        raw: The message as the rules read it.
        context: The :class:`~chatrec.understanding.TurnContext` of the turn.
        vocabulary: The catalogue's value matcher (unused; the same signature as the other steps).
        reread: Reads another wording of the message (the rules on that text, same context).

    Returns:
        The request, changed only in those classes.
    """
    from chatrec.language import fold

    language = request.language
    if language not in ("zh", "es", "de"):
        return request
    if reread is not None:
        read_again = reread
        reread = lambda wording: read_again(re.sub(r"\s+", " ", wording).strip())  # noqa: E731 (the rules read single spaces)
    text = re.sub(r"\s+", " ", fold(raw)).strip()
    request = _no_common_word_brands(request, raw, language)
    request = _own_values_dropped(request, context)
    maker = _MAKER[language]
    if maker.search(text) and not request.references and not request.include and request.intent in (
            "recommend", "refine", "chitchat", "ask_about_item"):
        return request.model_copy(update={"intent": "off_topic", "show_now": False, "query": "", "avoid_words": []})
    if (_INSULT[language].search(text) and _ADDRESSED[language].search(text) and not request.references
            and request.price is None and request.relative_price is None and request.intent in ("recommend", "refine")):
        # "你这破AI一点用都没有" speaks of the assistant: small talk, no wish
        return request.model_copy(update={
            "intent": "chitchat", "include": {}, "exclude": {}, "avoid_words": [], "show_now": False, "query": "",
        })
    shown = list(getattr(context, "shown", ()) or ()) if context is not None else []
    if not shown:
        return request
    named = [r for r in request.references if r.how != "all"]
    which = _WHICH_OF_ALL[language].search(text)
    if which is not None and request.intent in ("ask_about_item", "refine", "recommend") and not request.include \
            and request.price is None and (not named or _PRICE_SUPERLATIVE[language].search(text)):
        # "最便宜的是哪个", "¿cuál es el más barato?", "welcher hält am längsten?": which of the shown ones
        return request.model_copy(update={
            "intent": "compare", "references": [_ref(p, shown, "all") for p in range(1, len(shown) + 1)],
            "relative_price": None, "show_now": False, "exclude": {}, "avoid_words": [],
        })
    if request.intent in ("recommend", "refine") and not request.references and request.price is None \
            and re.search(r"[?？]|吗\W*$", text):
        together = _together(language, text, shown)
        if together:
            # "¿ambos traen cargador?": a question about both, not a wish for chargers
            return request.model_copy(update={
                "intent": "ask_about_item", "references": together, "include": {}, "exclude": {},
                "relative_price": None, "show_now": False, "avoid_words": [],
            })
    if request.intent == "ask_about_item" and not request.references:
        together = _together(language, text, shown)
        if _DIFFERENCE[language].search(text):
            # "¿en qué se diferencian?": the shown ones (both, or all) compared
            return request.model_copy(update={"intent": "compare", "references": together or [
                _ref(p, shown, "all") for p in range(1, len(shown) + 1)]})
        if together:
            # "两个都支持5G吗", "¿los dos tienen 5G?", "haben beide 5G?": a question about both / all
            return request.model_copy(update={"references": together})
    if request.intent == "compare" and len(named) == 1 and len(request.references) == 1 and not _WHICH[language].search(text):
        # "最後一個包包比較大嗎": 比较 as "rather", a question about the one item pointed at
        return request.model_copy(update={"intent": "ask_about_item"})
    if request.intent == "ask_about_item" and len(named) >= 2 and _WHICH[language].search(text):
        # "las dos de Nike, ¿cuál es más grande?": which of the items pointed at
        return request.model_copy(update={"intent": "compare"})
    n = len(shown)
    from_end = _FROM_END[language].search(text)
    if from_end is not None and request.intent in ("more_like", "ask_about_item", "compare"):
        said = from_end.group("k") or (from_end.groupdict().get("k2") or "")
        k = 3 if said in ("三", "3", "ante", "vor", "tercer", "dritt") else 2
        if n >= k:
            # "la penúltima": the rules read "second"; the place counted from the end of the list
            kept = [r for r in request.references if r.how not in ("position", "all")]
            return request.model_copy(update={"references": [_ref(n - k + 1, shown, "position"), *kept]})
    by_price = _by_price(request, text, language, shown)
    if by_price is not None:
        return by_price
    one_by_price = _one_by_price(request, text, language, shown)
    if one_by_price is not None:
        return one_by_price
    named_positions = [r.position for r in named]
    cheaper_than = _CHEAPER_THAN[language].search(text)
    if cheaper_than is not None and not named_positions and reread is not None and request.price is None:
        # "unter dem Preis vom Samsung": the item named after the words of price
        article = {"zh": "", "es": "el ", "de": "der "}[language]
        bound = reread(article + text[cheaper_than.end():].strip())
        named_positions = [r.position for r in bound.references if r.how != "all"]
    if (cheaper_than is not None and len(named_positions) == 1 and request.price is None
            and request.intent in ("more_like", "refine", "ask_about_item")):
        price = getattr(shown[named_positions[0] - 1], "price", None)
        if price:
            # "比JBL那个便宜的": a budget up to that item's price, no reference left
            from chatrec.request import PriceRange

            return request.model_copy(update={
                "intent": "refine", "references": [], "relative_price": None,
                "price": PriceRange(max=float(price)), "show_now": True,
            })
    last = [p for p in (getattr(context, "last_references", None) or []) if 1 <= p <= n]
    if (last and not named and request.intent in ("ask_about_item", "compare") and _THIS_ONE[language].search(text)):
        # "这个还有别的颜色吗" after talking about the third: that one
        return request.model_copy(update={"intent": "ask_about_item" if len(last) == 1 else request.intent,
                                          "references": [_ref(p, shown, "position") for p in last]})
    if reread is None:
        return request
    if request.include.get("brand") and not named:
        aliased = _brand_alias(request, raw, shown, reread)
        if aliased is not None:
            return aliased
    clauses = [c.strip() for c in re.split(r"[,;，。；]", raw) if c.strip()]
    negated = [c for c in clauses if _NEGATED_CLAUSE[language].search(fold(c))]
    if negated and len(negated) < len(clauses) and request.references:
        # "las primeras dos no, la última sí, más como esa": the items turned down are not pointed at
        kept = [c for c in clauses if c not in negated]
        again = reread(", ".join(kept))
        refused = {r.position for c in negated for r in reread(c).references if r.how != "all"}
        if refused and again.references and not {r.position for r in again.references} & refused:
            return again
    refused = _refused(request, text, language, shown, reread)
    if refused is not None:
        return refused
    noun_reference = _NOUN_REFERENCE.get(language)
    found = noun_reference.search(text) if noun_reference is not None else None
    of_maker = _NOUN_OF_MAKER.get(language)
    if found is None and of_maker is not None:
        found = of_maker.search(text)
    if found is not None and not named:
        # "die grüne Tasche, aber in Schwarz": the shown item of that colour, as "die grüne, aber in Schwarz"
        shorter = f"{text[:found.start('noun')].rstrip()} {text[found.end('noun'):].lstrip()}"
        again = reread(shorter)
        if [r for r in again.references if r.how != "all"]:
            return again
    return request


def _refused(request: Any, text: str, language: str, shown: list[Any], reread: Callable[[str], Any]) -> Any:
    """"前三台都不要", "ni la roja ni la blanca, otra cosa": the items pointed at are turned down
    (a rejection of them) when nothing else is wished; None when the message is no such refusal."""
    from chatrec.language import fold

    refusal = _REFUSAL[language]
    if not refusal.search(text) or _MORE_LIKE_WORDS[language].search(text) or request.intent in (
            "reject", "compare", "start_over", "show_again", "off_topic", "chitchat", "answer"):
        return None
    joined = " y " if language == "es" else " und " if language == "de" else " "
    pointing = reread(re.sub(r"\s+", " ", refusal.sub(joined, text)))
    named = [r for r in pointing.references if r.how != "all"]
    if len(named) < len([r for r in request.references if r.how != "all"]):
        named = [r for r in request.references if r.how != "all"]
    if not named:
        named = _together(language, text, shown)  # "beide gefallen mir nicht", "两个都不喜欢"
    if not named:
        return None
    # a wish beyond what the items pointed at are ("la roja no me gusta, ¿en azul?") is no refusal
    described = {fold(str(v)) for r in named for item in [shown[r.position - 1]] for v in [
        *(getattr(item, "attributes", {}) or {}).values(), getattr(item, "brand", ""), getattr(item, "category", "")]}
    if any(fold(v) not in described for values in request.include.values() for v in values) or request.price is not None:
        return None
    return request.model_copy(update={
        "intent": "reject", "references": named, "include": {}, "exclude": {}, "avoid_words": [],
        "relative_price": None, "show_now": True,
    })
