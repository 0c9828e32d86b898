"""Wording of Chinese, Spanish and German shoppers found by blind set 36 (issue 12).

Each mechanism covers a class of wording in its language, not one sentence:

- :func:`rewrite`, on the folded message before budgets are read and words translated:

  - Chinese characters typed for a homophone of a product word ("牛仔库" for 牛仔裤, "耳鸡" for
    耳机, "冲电宝" for 充电宝) become that word when the corrected characters form a word of the
    lexicon that the typed ones do not;
  - a Chinese quality wish ("拍照要好", "音质好一点的", "续航要长") is a feature of the product
    ("with good camera"), not a second product type (a camera);
  - a Chinese "more of this kind" ("那样的还有吗", "类似的有没有", "同款还有吗") asks for more
    like the items pointed at, and "黑色那两条" points at the black ones shown;
  - a German "is there such a one in green" ("gibt's sowas auch in Grün?", "so eins in Rot?",
    "haben Sie das auch in Blau?") asks for more like the item pointed at, in that colour.

- :func:`adjust`, after a message is read: a brand written by another of its names (小米 is
  Xiaomi and Mi) names the shown item it points at rather than a wish for the other spelling.

The colours and words missing from the lexicon are in ``chatrec/data/lexicon_set36.json``.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["adjust", "rewrite"]

# --- Chinese homophone typos ------------------------------------------------------------------

#: A character typed for the character of a product word that sounds the same (pinyin).
_HOMOPHONES = {
    "库": "裤", "酷": "裤", "群": "裙", "杉": "衫", "山": "衫", "鸡": "机", "几": "机", "兰": "蓝", "篮": "蓝",
    "冲": "充", "建": "键", "冒": "帽", "哇": "袜", "镖": "表", "婊": "表", "写": "鞋", "谐": "鞋", "保": "宝",
    "报": "包", "苞": "包", "饱": "包", "事": "视", "试": "视", "芽": "牙",
}


def _zh_homophones(text: str, lexicon: Any) -> str:
    table = lexicon.entries.get("zh", {})
    keys = [k for k in table if len(k) >= 2]
    out = list(text)
    for i, ch in enumerate(text):
        right = _HOMOPHONES.get(ch)
        if right is None or right == ch:
            continue
        # the corrected character must complete a lexicon word around it that the typed one does not
        for key in keys:
            at = key.find(right)
            while at >= 0:
                start = i - at
                if start >= 0 and start + len(key) <= len(text):
                    typed = "".join(out[start:start + len(key)])
                    fixed = typed[:at] + right + typed[at + 1:]
                    if fixed == key and typed not in table:
                        out[i] = right
                        break
                at = key.find(right, at + 1)
            if out[i] == right:
                break
    return "".join(out)


# --- Chinese quality wishes and "more of this kind" --------------------------------------------

_ZH_MEASURE = "(?:个|件|双|雙|款|条|只|块|台|部|套|顶|副|把|支|瓶|对|本|种)"
# "拍照要好", "音质好一点的", "续航要长": a feature (2-4 characters, no price word) and its quality
_ZH_QUALITY = re.compile(
    r"(^|[，,。！!？?\s])((?:(?![越便宜贵价钱都也很要得就那这还最])[\u4e00-\u9fff]){2,4}?)"
    r"(?:要|得|必须|一定要|比较|很|够|能)?(?:好|强|棒|清楚|清晰|持久|长|久|大)(?:一点|一些|点|些)?(?:的)?"
    r"(?=[，,。！!？?\s]|$)"
)
# "黑色那两条", "蓝色的那几个": the shown ones of that colour (or other word)
_ZH_THOSE = re.compile(rf"([\u4e00-\u9fff]{{1,4}}?)的?那(?:两|几|三|些){_ZH_MEASURE}?")
# "那样的还有吗", "类似的有没有", "同款还有吗", "差不多的还有没": more like the ones pointed at
# (not "那款有什么特别", "那种有质感的": a question about one, a wish for a quality)
_ZH_MORE_LIKE = re.compile(
    r"(?:(?:这|那)(?:样|种|类|款)的|(?:类似|相似|相近|相仿|近似|差不多|同款|同类)(?:的)?)(?:还有没有|还有没|还有|有没有|再来)(?:吗|么|嘛|没有|没|不)?"
)


def _zh(text: str, lexicon: Any) -> str:
    text = _zh_homophones(text, lexicon)
    text = _ZH_QUALITY.sub(lambda f: f"{f.group(1)} with good {f.group(2)} ", text)
    if _ZH_MORE_LIKE.search(text):
        text = _ZH_THOSE.sub(lambda f: f" the {f.group(1)} ones ", text)
        text = _ZH_MORE_LIKE.sub(" , more like these ", text)
    return text


# --- German "is there such a one in green" ---------------------------------------------------

_DE_SUCH_IN = re.compile(
    r"\b(?:(?:gibt(?:'?s| es)|habt ihr|hast du|haben sie)\s+(?:(?:das|die|den|sowas|so was|so etwas|so eins|so eine|so einen|"
    r"welche)\s+)?(?:auch\s+|noch\s+)*|(?:sowas|so was|so etwas|so eins|so eine|so einen)\s+(?:auch\s+|noch\s+)*)in\b"
)


def rewrite(text: str, language: str, lexicon: Any) -> str:
    """A folded message with this module's forms written the way the rules read them."""
    if language == "zh":
        return _zh(text, lexicon)
    if language == "de":
        return _DE_SUCH_IN.sub(" something like that in ", text)
    return text


# --- after reading ----------------------------------------------------------------------------


def adjust(request: Any, raw: str, context: Any, lexicon: Any) -> Any:
    """The request read from ``raw``, without a brand that is another name of a referenced item's brand."""
    from chatrec.language import fold

    brands = request.include.get("brand")
    if not brands or not request.references or context is None or request.intent not in (
            "more_like", "ask_about_item", "compare"):
        return request
    shown = list(getattr(context, "shown", []) or [])
    named = {fold(str(getattr(shown[r.position - 1], "brand", "") or ""))
             for r in request.references if 0 < r.position <= len(shown)} - {""}
    if not named:
        return request
    # a lexicon entry whose words name both the wished brand and a referenced item's brand
    expansions = [set(v.split()) for table in lexicon.entries.values() for v in table.values()]
    aliases = {b for b in brands if fold(b) not in named and any(
        fold(b) in words and words & named for words in expansions)}
    if not aliases:
        return request
    include = {k: v for k, v in request.include.items() if k != "brand"}
    rest = [b for b in brands if b not in aliases]
    if rest:
        include["brand"] = rest
    return request.model_copy(update={"include": include})
