"""Pointing at shown items and turns that are no shopping: English the rules still misread (issue 12, set 38).

Blind set 38 (English shoppers unlike the earlier writers: non-native, terse, chatty, dictated)
showed classes of turns that :mod:`chatrec.understanding` and the English steps after it read
wrong. Two steps correct them by class, never by sentence; their words are in
``chatrec/data/english_pointing.json``.

:func:`normalise` rewrites the English message before the rules read it:

- Indian-English product words the lexicon lacks ("jeans pant", "bag pack", "chappals") are the
  catalogue's words ("jeans", "backpack", "sandals");
- "can u go lower", "anything lower in price" are "cheaper"; "increase budget to 1000", "reduce
  the budget to 300" are "up to" the amount; "500 is max" is "max 500";
- dictated punctuation ("comma", "full stop", a closing "period", "question mark") is punctuation;
- "in" or "within" before an amount ("best phone in 15000", "a tv in 20k budget") is "under" it,
  never before a year, a size or a capacity ("released in 2022", "in 128gb", "in 32 waist");
- a misspelt ordinal before a word naming an item, or after "the" ("secnd one", "the thrid one",
  "fisrt one", "the forth one") is the ordinal; an ordinal with the wrong suffix ("2th", "3th")
  is spelt right;
- "no. 2", "nr 3", "num 4" are "number 2", "number 3", "number 4" (not a "no" turning something down);
- a bare "the other" closing a clause ("nah the other"), or "other one" opening one, is "the other one";
- "last-but-one", "one before the last" are "last but one"; "the bottom pair", "bottom one" are the
  last (never "bottom wear"); a bare ordinal ("3rd pls", "second") is "the third one";
- "none of the three", "nothing here I like" are "none of these"; a bare "more" is "show me more";
  "what else you got" is "anything else";
- "the cheapest of these", "priciest of the lot" are "the cheapest one", "the priciest one";
  a bare ordinal after a preposition ("the price of 2nd", "like 2nd but in yellow") is "the 2nd one";
  ordinals listed without "the" ("first and last") are "the first one and the last one";
- "the watch at the end", "the one at the top", "the third watch from the top", "your first
  suggestion", "the one you showed last", "option B", "the one that costs the least" are said as
  the rules know them ("the last watch", "the first one", "option 2", "the cheapest one");
- "black is a no-go" is "black is a no"; "other colour than black" is "other than black";
- a range in number words with one unit ("ten to fifteen thousand") gives the unit to both ends;
  "a thousand", "a 1000" after a budget word are 1000; Indian digit grouping ("1,00,000") is read.

:func:`adjust` corrects the request after the rules:

- answers to the question asked last: "any colour", "either is ok" (no preference), "the last
  option", "2nd option" (that option), a misspelt option ("blu", "unisx": one letter off);
- a shown item named by its price ("the one for 13,999", "the ₹599 one"), by a word of its
  title after a determiner ("that tote", "both wranglers") or by what the assistant said of it
  ("the one you said was waterproof"): the message is read again with the item said by its
  number, and kept when that reading points at exactly those items;
- an ordinal before a word that names every shown item ("the top watch", "first watch but for
  men", "the second shirt" of shown t-shirts) is that ordinal's item, and the word no new wish; "both" judged like "these" ("both are ugly") turns both down;
- a terse "X one" opening a clause ("redmi one battery how much", "puma one in white?") is read
  as "the X one" when that names a shown item and X is no value of a descriptive field ("white
  ones" asks for white items); a terse question on a fact of a pointed item
  ("2nd one price?", "the first one what sizes") asks about it (no search for "battery");
- "which pair/model/of the four ..." compares the shown items; a comparative ("better", "vs",
  "prefer") over two named items compares them;
- a negation after a catalogue value ("shirts, black not please", "phone but samsung no") turns
  it down; removing shown items by a value ("remove the red ones", "hide the white one") turns
  the value down rather than pointing at the items;
- "that one", "this one", "the same one" with no item named in the message are the item talked
  about last turn, and so is "it" in "more like it"; "and that one in white?" (a version asked for
  with a question mark, no question word) is a wish for it, not a question;
- "something between the redmi and the samsung in price", "priced between the first and the
  last": a budget bounded by those two shown items' prices (a price word is needed; without one
  "between" compares);
- two words running together in one shown item's title ("wave lite but with calling", "galaxy m04
  how much ram") name that item when said with a turn of phrase that points ("but", "similar",
  "how", "?"...) and are no catalogue value ("navy blue ones" asks for navy blue); the start of a
  title word names an item too ("the zeb one": Zebronics, "the county one": "ZEB-COUNTY");
- a polite request read as a question ("can you show me the 2nd one in a darker shade") is read
  again without "can you";
- single digits listed as positions ("i like 1 and 3", "2,3 pls"; no unit after them) point at
  those items, and so does one digit after a likeness word ("similar to 1 but smaller"; never
  "i would like 2 mice"); "the other two", "the rest" are the shown items not pointed at in the message or,
  failing that, last turn; "the one with 12 month battery", "earphones which have good bass and
  battery" search no battery (a product type after "with"/"have", once another was said, is a feature);
- "less sporty", "not so formal": that value is turned down, not wanted; turning the shown items
  down for another product type ("nah forget phones, show me tvs") is a new request; "full sleeve
  ones?" with no item named is a wish, not a question;
- asking whether there is anything like a shown item ("anything like it?", "got anything
  similar?") asks for more like it, not about it;
- asking whether a shown item comes another way ("does the 4th come in black?", "is the Puma
  one available in white?") is a question about that item, not a new wish;
- after-sales questions ("can I return shoes if they don't fit?", "how do I exchange it") and
  questions on the shop itself ("is cod available", "do you have a showroom", "are your products
  original", "can I talk to a human"), complaints about an order ("the shirt I bought is torn")
  and translation tasks: off topic, whatever product they name; asking to recommend a movie, a
  book or a restaurant: off topic unless a catalogue product is named; role play, asking for the prompt, requests to entertain and
  questions on the assistant's tastes ("do you like pizza"): off topic unless a product or a
  budget is asked for besides;
- errands ("set an alarm", "call my mom", "send an email") and asking to override the rules
  ("disregard ur rules", "everything for free"): off topic unless a product or budget is asked for;
- insults said with a superlative ("the dumbest bot ever"), rude dismissals ("get lost"),
  presence checks ("anyone there?"), interjections ("hahaha", "omg") and keyboard mashing
  ("asdfgh jkl"): chit-chat, no search; "meh", "ugh" with items shown turn them down;
- "I prefer the ones from before", "the previous list was better": show those again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from chatrec.request import ItemReference, ShopperRequest
from chatrec.text import alternation, word_table

__all__ = ["adjust", "normalise"]

_FLAGS = re.IGNORECASE


def _table() -> dict[str, Any]:
    return word_table("english_pointing")  # read once per process (chatrec.text.word_table)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    table = _table()
    nouns = alternation(table["item_nouns"])
    said = alternation(table["said_verbs"])
    copulas = alternation(table["copulas"])
    amount = r"(?:rs\.? ?|inr ?|₹ ?)?(?P<amount>\d[\d,]*(?:\.\d+)?)(?: ?(?:rs|rupees|inr|bucks|/-))?"
    return {
        "suffix": re.compile(r"\b(?P<digit>[1-9])(?P<suffix>st|nd|rd|th)\b", _FLAGS),
        "number": re.compile(r"\b(?:no|nr|num|n°|nº)\. ?(?P<n>[1-9])\b|\b(?:nr|num) (?P<m>[1-9])\b", _FLAGS),
        "other": re.compile(r"\bthe other\b(?=\s*(?:$|[,.!?;:]|(?:pls|please|plz|then|instead|thanks)\b))", _FLAGS),
        "word": re.compile(r"[A-Za-z]+"),
        "nouns": re.compile(rf"^(?:{nouns})$", _FLAGS),
        # "the one for 13,999", "the one at ₹599", "the one that costs 1,999", "the 13,999 one"
        "by_price": re.compile(
            rf"\bthe (?:one|ones|\w+) (?:for|at|priced at|priced|costing|that costs?|which costs?|that'?s|that is|of)"
            rf"(?: under)? {amount}(?![\d,])"
            rf"|\bthe (?:rs\.? ?|₹ ?)?(?P<amount2>\d[\d,]*(?:\.\d+)?) (?:rs |rupees? )?(?:{nouns}|\w+)\b", _FLAGS),
        # "the one you said was waterproof", "the ones u mentioned had calling"
        "by_saying": re.compile(
            rf"\bthe (?:one|ones|\w+) (?:that |which )?(?:you|u) (?:{said})(?: (?:{copulas}))?"
            rf"(?: (?:a|an|very|really|so|more|quite|fully))? (?P<word>[\w-]+)", _FLAGS),
        # "that tote", "both wranglers", "those two kurtas"
        "by_word": re.compile(
            rf"\b(?:{alternation(table['determiners'])}) (?P<word>[a-z][\w-]*)(?: (?P<noun>{nouns}))?\b", _FLAGS),
        "similar": re.compile(
            rf"\b(?:{alternation(table['similar_askers'])})\b(?: \w+){{0,2}}? (?:{alternation(table['similar_targets'])})\b",
            _FLAGS),
        # "redmi one battery how much", "2nd one price?": a fact of a pointed item asked, tersely
        "fact_question": re.compile(
            rf"\b(?:{alternation(table['fact_questions'])})\b(?! (?:about|else)\b)"
            rf"|\bwhat (?:\w+ )?(?:{alternation(table['item_facts'])})\b"
            rf"|\b(?:one|ones|first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th) "
            rf"(?:{alternation(table['item_facts'])})\s*\?", _FLAGS),
        "availability": re.compile(rf"\b(?:{alternation(table['availability'])})\b", _FLAGS),
        "question": re.compile(rf"\?\s*$|^\W*(?:{alternation(table['question_openers'])})\b", _FLAGS),
        "after_sales": re.compile(
            rf"\b(?:can|could|may|do|how (?:do|can|would|to)) (?:i|we|u|you) (?:still )?"
            rf"(?:{alternation(table['after_sales_verbs'])})\b(?! to\b)"
            rf"|\b(?:{alternation(table['after_sales_nouns'])})\b|\b(?:{alternation(table['misfit'])})\b", _FLAGS),
        "insult": re.compile(
            rf"\b(?:{alternation(table['insults_superlative'])})\b(?: \w+){{0,2}}? (?:{alternation(table['insult_nouns'])})\b",
            _FLAGS),
        "show_again": re.compile(
            r"\b(?:go|come|get|take (?:me|us)) back to (?:the|those|these) (?:\w+ )?\w+ (?:you|u) "
            r"(?:showed|suggested|recommended|had|found|gave)\b"
            r"|\b(?:go|come|get|take (?:me|us)) back to (?:the|those|these) (?:\w+ )?\w+ (?:from )?(?:before|earlier)\b"
            r"|\b(?:show|bring|give) (?:me |us )?(?:back )?(?:the|those) (?:\w+ )?\w+ (?:you|u) "
            r"(?:showed|suggested|recommended|gave)(?: me| us)? (?:before|earlier|first|at first|previously)\b"
            # "I prefer the ones from before", "the previous list was better"
            r"|\bprefer(?:red)? (?:the )?(?:ones|items|results|list|options|picks|\w+) (?:from )?(?:before|earlier)\b"
            r"|\b(?:the )?(?:previous|earlier|first|old|original) (?:ones|list|results|items|options|batch|lot|picks) "
            r"(?:was|were) better\b|\b(?:the )?(?:ones|list|results|items|options) (?:from )?before (?:was|were) better\b",
            _FLAGS),
        # "the top watch", "first watch but for men": an ordinal before a word every shown item is named by
        "ordinal_noun": re.compile(
            r"\b(?:the )?(?P<ord>top|bottom|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last) (?P<noun>[a-z]+)\b",
            _FLAGS),
        # "fifteen to twenty thousand": the unit said once serves both ends of the range
        "word_range": re.compile(
            rf"\b(?P<a>{alternation(table['small_numbers'])})(?P<sep>\s+(?:to|and|or)\s+|\s*-\s*)"
            rf"(?P<b>{alternation(table['small_numbers'])})\s*(?P<unit>{alternation(table['range_units'])})\b", _FLAGS),
        "last_but_one": re.compile(r"\blast-but-one\b|\bone before the last\b", _FLAGS),
        # "the bottom pair", "bottom one": the last; never "bottom wear" or "the bottom of the list"
        "bottom": re.compile(
            rf"\b(?:the )?bottom(?:most)? (?P<noun>{nouns})\b"
            rf"|\bthe bottom(?:most)?(?=\s*(?:$|[,.!?;:]|(?:but|in|please|pls|plz|for)\b))", _FLAGS),
        "bare_ordinal": re.compile(
            r"^\W*(?:the )?(?P<ord>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
            r"(?: (?:pls|please|plz|thanks|thx|then))?\W*$", _FLAGS),
        "none_of": re.compile(
            r"\bnone of (?:the|those) (?:two|three|four|2|3|4|lot|bunch|options|items|ones)\b"
            r"|\bnothing (?:here |there |in there |among these |of these )?(?:that )?(?:i|we) (?:like|love|want|fancy)\b",
            _FLAGS),
        "bare_more": re.compile(
            r"^\W*(?:(?:some|any|a few|few) )?more(?: (?:pls|please|plz|thx|thanks))?\W*$", _FLAGS),
        "what_else": re.compile(r"\bwhat else (?:have |do )?(?:you|u|ya) (?:got|have|get)\b", _FLAGS),
        "other_one": re.compile(r"(^|[,.;!?]\s*)other (one|ones)\b", _FLAGS),
        "superlative_of": re.compile(
            rf"\b(?:the )?(?P<sup>{alternation(table['price_superlatives'])}) (?:one )?(?:of|among|out of) "
            rf"(?:{alternation(table['group_words'])})\b", _FLAGS),
        "both": re.compile(r"\bboth(?: of them)?\b", _FLAGS),
        "go_lower": re.compile(
            r"\b(?:go|come|something|anything|bit) (?:a bit |a little |slightly |much |even |any )?(?P<way>lower|higher)"
            r"(?: (?:in|on) (?:price|cost))?\b(?! (?:than|end)\b)", _FLAGS),
        # "increase budget to 1000", "reduce the budget to 300": the new limit
        "budget_to": re.compile(
            r"\b(?:increase|raise|bump|up|extend|stretch|reduce|lower|drop|cut|decrease|change|set|make|move)(?: up)? "
            r"(?:the |my |our )?budget(?: up| down)? to\b", _FLAGS),
        "is_max": re.compile(
            r"(?<![\w.,])(?P<amount>(?:rs\.? ?|₹ ?)?\d[\d,]*(?:\.\d+)? ?k?) (?:is|will be|would be) (?:the )?"
            r"(?:max|maximum|limit|top|upper limit|highest)\b", _FLAGS),
        # "something between the redmi and the samsung in price": a budget bounded by two shown items
        "between_items": re.compile(
            r"\bbetween (?:the )?(?P<a>[a-z][\w-]*)(?: one| ones)? and (?:the )?(?P<b>[a-z][\w-]*)(?: one| ones)?\b", _FLAGS),
        "price_words": re.compile(r"\b(?:price|prices|priced|cost|costs|budget|range|pricewise|price-wise)\b", _FLAGS),
        "synonyms": re.compile(rf"(?<![\w-])(?:{alternation(table['synonyms'])})(?![\w-])", _FLAGS),
        # answers to the question asked last: "any colour", "the last option", "blu"
        "any_answer": re.compile(
            r"^\W*(?:(?:ok|okay|hmm|um|well)\W+)?(?:any|all|either|whichever|anything|any one)"
            r"(?: (?:colou?rs?|brands?|styles?|types?|kinds?|sizes?|ones?|of them|of those|of these|option))?"
            r"(?:\W+(?:is|are|will|would)? ?(?:fine|ok|okay|good|do|works|work|great))?(?: (?:pls|please|thanks))?\W*$",
            _FLAGS),
        "option_answer": re.compile(
            r"^\W*(?:the )?(?P<ord>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
            r"(?: (?:one|option|choice))?(?: (?:pls|please|thanks))?\W*$", _FLAGS),
        "same_one": re.compile(
            r"\b(?:the )?same (?:one|item|thing|model|pair|piece)\b|\b(?:that|this) (?:one|item|pair|model)\b", _FLAGS),
        "singular_pronoun": re.compile(r"\b(?:it|this|that|this one|that one)\b", _FLAGS),
        "plural_pronoun": re.compile(r"\b(?:these|those|them|they|all|both|ones)\b", _FLAGS),
        # "and that one in white?", "the red one, in black?": another version asked for, said as a question
        "in_value_question": re.compile(r"\bin (?:a |an )?(?:[a-z]+ ){0,2}[a-z]+\s*\?+\s*$", _FLAGS),
        # dictated punctuation: "red shirts comma not too expensive period"
        "dictated_comma": re.compile(r"\s*\bcomma\b", _FLAGS),
        "dictated_stop": re.compile(r"\s*\b(?:full stop|fullstop|new line|next line|new paragraph)\b|\s+period\s*$", _FLAGS),
        "dictated_question": re.compile(r"\s*\bquestion mark\b", _FLAGS),
        "dictated_bang": re.compile(r"\s*\bexclamation (?:mark|point)\b", _FLAGS),
        # "best phone in 15000", "a tv in 20k": "in" before an amount is a budget (never a year or a size)
        "in_amount": re.compile(
            r"\b(?:in|within) (?P<amount>(?:rs\.? ?|₹ ?)?\d[\d,]*(?:\.\d+)?(?: ?(?:k|thousand|lakhs?)\b)?)"
            r"(?P<after>(?: ?(?:rs|rupees|inr|/-))?(?: (?:budget|range))?)"
            r"(?!\s*(?:gb|tb|mb|mah|inch|inches|cm|mm|w|watt|watts|hz|mp|l|litres?|liters?|kg|g|years?|months?|days?|pcs|pieces|%)\b)"
            r"(?![\w.,])", _FLAGS),
        "no_go": re.compile(r"\b(?:is|are) (?:a )?(?:no-go|no go|nogo|non-starter|dealbreaker|deal breaker)\b", _FLAGS),
        "other_than": re.compile(r"\b(?:an?)?other (?:colou?rs?|brands?|shades?|kinds?|types?) than\b", _FLAGS),
        # "shirts, black not please", "phone but samsung no": a negation said after the value
        "after_no": re.compile(
            r"\b(?P<word>[a-z][\w-]*) (?:no|not|nope|nahi|never)(?: (?:please|pls|plz|thanks|thx))?(?=\s*(?:$|[,.!?;]))",
            _FLAGS),
        # "remove the red ones", "hide the white one", "without the wired ones": turned down
        "remove": re.compile(
            r"\b(?:remove|hide|drop|get rid of|take out|take away|lose|exclude|filter out|ditch|without) "
            r"(?:the|those|these|all the|any|all) (?P<words>[a-z][\w -]*?) (?:one|ones|items|stuff|pieces?)\b", _FLAGS),
        # "the watch at the end", "the one at the top": the last, the first
        "at_end": re.compile(
            r"\bthe (?P<noun>one|ones|pair|[a-z]+) (?:at|on|in) the (?:very )?(?P<end>end|bottom|top|start|beginning)\b"
            r"(?! of\b)", _FLAGS),
        # "the third watch from the top": counted from the start ("from the bottom" the rules know)
        "from_top": re.compile(
            r"\b(?P<head>(?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th)(?: [a-z]+)?) from the "
            r"(?:top|left|start|beginning)\b", _FLAGS),
        # "your first suggestion", "your last recommendation"
        "your_nth": re.compile(
            r"\b(?:your|ur|the) (?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th) "
            r"(?:suggestion|recommendation|pick|result|proposal|idea|find)\b", _FLAGS),
        # "option B", "choice c": letters as positions
        "letter": re.compile(r"\b(?P<word>option|choice|item) (?P<letter>[a-dA-D])\b(?![\w'])"),
        # "the one you showed first", "the one that you suggested last"
        "shown_nth": re.compile(
            r"\bthe (?:one|ones|[a-z]+) (?:that |which )?(?:you|u) (?:showed|suggested|recommended|listed|gave|sent)"
            r"(?: me| us)? (?P<ord>first|second|third|last)\b", _FLAGS),
        # "the one that costs the least", "the one which costs most"
        "costs_least": re.compile(
            r"\bthe (?:one|ones|[a-z]+) (?:that|which) (?:costs?|is priced) (?:the )?(?P<end>least|lowest|most|highest)\b",
            _FLAGS),
        # "can you show me the 2nd one in a darker shade": a polite request, not a question
        "polite": re.compile(
            r"^\W*(?:(?:so|ok|okay|hey|hi|please)\W+)?(?:can|could|would|will) (?:you|u) (?:please |pls |maybe |just )?"
            r"(?=(?:show|find|get|give|bring|suggest|recommend|send|pull up|look for|search for)\b)", _FLAGS),
        # "the other two", "the rest are nice": the shown items not pointed at (last turn or in this message)
        "rest": re.compile(
            r"\bthe (?:other (?:two|three|ones|2|3)|rest|remaining(?: ones| two| three)?|others)\b", _FLAGS),
        # "first and last", "second and third": ordinals listed without "the"
        "ordinal_pair": re.compile(
            r"(?<!the )\b(?P<a>first|second|third|fourth|last|1st|2nd|3rd|4th) (?P<sep>and|&|or|\+) "
            r"(?:the )?(?P<b>first|second|third|fourth|last|1st|2nd|3rd|4th)\b(?! (?:one|ones|item|pair)\b)", _FLAGS),
        # "i like 1 and 3", "1,3 pls": single digits listed as positions
        "digit_list": re.compile(
            r"(?:^\W*|\b(?:like|love|want|take|prefer|pick|choose|show me|more like|similar to)\s+)#?(?P<a>[1-9])"
            r"\s*(?:,|and|&|\+)\s*#?(?P<b>[1-9])(?![\d,.]|\s*(?:k|rs|inr|rupees|\$|usd|dollars|thousand|hundred|lakh|gb|tb|mah|inch|w)\b)",
            _FLAGS),
        # "similar to 1 but smaller", "like 3 in blue": one digit after a likeness word is a position
        "like_digit": re.compile(
            r"(?<!\bwould )(?<!\bi )(?<!\bwe )(?<!\bi'd )(?<!\bid )(?<!\bthey )(?<!\byou )(?<!\bu )"
            r"\b(?:similar to|like|same as|more like|as) #?(?P<n>[1-9])"
            r"(?=\s*(?:$|[,.!?;:]|(?:but|in|please|pls|plz|and|only|though|with|for|except)\b))", _FLAGS),
        # "the one with 12 month battery": what the item has, not a product searched for
        "one_with": re.compile(r"\bthe (?:one|ones) (?:with|that has|that have|having) (?P<rest>.*)$", _FLAGS),
        "less": re.compile(r"\b(?:less|not so|not as|not too|fewer) (?P<word>[a-z]+)\b", _FLAGS),
        "adjective_ones": re.compile(r"^\W*(?:(?:any|some|got any|have any|do you have) )?[a-z][\w -]* ones\s*\?+\s*$", _FLAGS),
        # "1,00,000", "2,50,000": Indian digit grouping
        "lakh_grouping": re.compile(r"(?<![\d,.])\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])"),
        # "between 500 and a thousand", "for under a 1000": "a" as the number one before an amount
        "an_amount": re.compile(
            r"\b(?P<before>and|to|under|below|than|upto|up to|for|around|about|within|max|budget(?: is)?|of|is|-)"
            r" a (?:(?P<unit>thousand|hundred|lakh)|(?P<digits>\d{3,}))\b", _FLAGS),
        # "redmi one battery how much", "blue one in black": a terse "X one" opening a clause is "the X one"
        "terse_one": re.compile(
            r"(^|[,.;!?]\s*)(?!(?:the|this|that|which|any|every|no|each|some|other|another|one|a|an|my|your|no|not|"
            r"what|how|just|only|and|or|but|so|ok|okay|yes|yeah)\b)(?P<word>[a-z][\w-]*) (?P<one>one|ones)\b", _FLAGS),
        # "the price of 2nd", "what about 3rd": a bare ordinal closing a clause after a preposition
        "after_preposition": re.compile(
            r"\b(?P<prep>of|on|for|about|with|like|from|to|than) (?P<ord>1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth)"
            r"(?=\s*(?:$|[,.!?;:]|(?:and|or|but|please|pls)\b))", _FLAGS),
        "which_of": re.compile(
            r"^\W*(?:(?:so|ok|okay|and|but|then|hmm)\W+)?which (?:one|ones|pair|item|option|model|product|"
            r"of (?:these|them|those|the (?:two|three|four|\w+)))\b", _FLAGS),
        "comparative": re.compile(
            r"\b(?:better|best|worse|worst|vs|versus|difference|differ|compare|prefer|rather|cheaper|pricier)\b", _FLAGS),
        "shop_facts": re.compile(rf"\b(?:{alternation(table['shop_facts'])})\b", _FLAGS),
        "entertain": re.compile(rf"\b(?:{alternation(table['entertain'])})\b", _FLAGS),
        # "are your products original?", "are these products genuine or fake": trust in the shop
        "trust": re.compile(
            r"\b(?:are|is) (?:your|ur|these|the) (?:products?|items?|goods|stuff|brands?)(?: \w+)? "
            r"(?:original|genuine|authentic|legit|fake|real|counterfeit|first copy)\b", _FLAGS),
        # "the shirt i bought is torn", "the phone i ordered stopped working": a complaint about an order
        "complaint": re.compile(
            rf"\b(?:i|we) (?:bought|ordered|purchased|received|got) (?:\w+ ){{0,6}}?"
            rf"(?:is|was|are|were|came|arrived|has|have|just)? ?(?:{alternation(table['complaints'])})\b", _FLAGS),
        "translate": re.compile(
            r"\btranslate\b.*\b(?:into|to|in) (?:hindi|english|french|spanish|german|chinese|tamil|telugu|bengali|"
            r"marathi|urdu|japanese|arabic)\b", _FLAGS),
        "other_recommendations": re.compile(
            rf"\b(?:recommend|suggest|tell)(?: me)? (?:a |an |some |any )?(?:good |nice |great |fun |new )?"
            rf"(?:{alternation(table['other_recommendations'])})\b", _FLAGS),
        "assistant_tastes": re.compile(
            rf"^\W*(?:do|did|would|can|could|will) (?:you|u|ya) (?:ever )?(?:{alternation(table['assistant_tastes'])})\b",
            _FLAGS),
        "role_play": re.compile(rf"\b(?:{alternation(table['role_play'])})\b", _FLAGS),
        "errand": re.compile(rf"\b(?:{alternation(table['errands'])})\b", _FLAGS),
        "override": re.compile(
            rf"\b(?:ignore|disregard|forget|bypass|override|break) (?:all |your |ur |the |my |these |those |of )*"
            rf"(?:{alternation(table['overrides'])})\b|\b(?:everything|all|it) for free\b", _FLAGS),
        "interjection": re.compile(
            rf"^(?:\W*(?:{alternation(table['interjections'])}|(?:ha|he|lo|l)+h?|(?:ha){{2,}}\w*)\W*)+$", _FLAGS),
        "dislike_interjection": re.compile(
            rf"^\W*(?:{alternation(table['dislike_interjections'])})(?:\W+(?:{alternation(table['dislike_interjections'])}))*\W*$",
            _FLAGS),
        "prompt": re.compile(
            rf"\b(?:{alternation(table['prompt_verbs'])}) (?:me )?(?:(?:the )?(?:contents?|text|words|full text) of )?"
            rf"(?:your|the|ur) (?:{alternation(table['prompt_words'])})\b", _FLAGS),
        "rude": re.compile(rf"(?<![\w*])(?:{alternation(table['rude'])})(?![\w*])", _FLAGS),
        "presence": re.compile(rf"^\W*(?:hello\W*|hi\W*|hey\W*)?(?:{alternation(table['presence'])})\W*$", _FLAGS),
    }


def _close(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one letter added, dropped, changed or two swapped."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diffs = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and word[diffs[0]] == target[diffs[1]] \
            and word[diffs[1]] == target[diffs[0]]
    short, long_ = (word, target) if len(word) < len(target) else (target, word)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _ordinal_typos(text: str) -> str:
    table = _table()
    patterns = _patterns()
    words = list(patterns["word"].finditer(text))
    out: list[str] = []
    last = 0
    for index, found in enumerate(words):
        token = found.group(0).lower()
        if len(token) < 4 or token in table["ordinals"] or token == "fifty":
            continue
        before = words[index - 1].group(0).lower() if index else ""
        after = words[index + 1].group(0).lower() if index + 1 < len(words) else ""
        names_item = bool(patterns["nouns"].match(after))
        if not names_item and (before != "the" or token in table["not_ordinal_typos"]):
            continue
        target = next((t for t in table["ordinals"] if _close(token, t)), None)
        if target is None:
            continue
        out.append(text[last:found.start()] + table["ordinals"][target])
        last = found.end()
    return "".join(out) + text[last:]


def _word_range(found: re.Match[str]) -> str:
    numbers = {k.lower(): v for k, v in _table()["small_numbers"].items()}
    low, high = numbers[found.group("a").lower()], numbers[found.group("b").lower()]
    return f"{low}{found.group('sep')}{high} {found.group('unit')}" if low < high else found.group(0)


def _in_amount(found: re.Match[str]) -> str:
    amount = found.group("amount")
    number = float(re.sub(r"[^\d.]", "", amount.split()[0].replace(",", "")) or 0)
    money = bool(re.search(r"k|thousand|lakh|rs|₹", amount, re.IGNORECASE)) or bool(found.group("after").strip())
    if money or number >= 100 and not 1900 <= number <= 2099:
        return f"under {amount}{found.group('after')}"
    return found.group(0)


def _an_amount(found: re.Match[str]) -> str:
    amount = found.group("digits") or {"thousand": "1000", "hundred": "100", "lakh": "100000"}[found.group("unit").lower()]
    return f"{found.group('before')} {amount}"


def normalise(message: str) -> str:
    """An English message with the wording of the module docstring's first list rewritten."""
    patterns = _patterns()
    suffixes = _table()["ordinal_suffixes"]
    text = patterns["dictated_comma"].sub(",", message)
    text = patterns["dictated_stop"].sub(".", text)
    text = patterns["dictated_question"].sub("?", text)
    text = patterns["dictated_bang"].sub("!", text)
    text = patterns["in_amount"].sub(_in_amount, text)
    text = patterns["go_lower"].sub(lambda found: "cheaper" if found.group("way").lower() == "lower" else "pricier", text)
    text = patterns["budget_to"].sub("up to", text)
    text = patterns["is_max"].sub(lambda found: f"max {found.group('amount')}", text)
    synonyms = _table()["synonyms"]
    text = patterns["synonyms"].sub(lambda found: synonyms[found.group(0).lower()], text)
    text = _ordinal_typos(text)
    text = patterns["suffix"].sub(lambda found: suffixes[found.group("digit")], text)
    text = patterns["number"].sub(lambda found: f"number {found.group('n') or found.group('m')}", text)
    text = patterns["other"].sub("the other one", text)
    text = patterns["other_one"].sub(lambda found: f"{found.group(1)}the other {found.group(2)}", text)
    text = patterns["last_but_one"].sub("last but one", text)
    text = patterns["bottom"].sub(lambda found: f"the last {found.group('noun') or 'one'}", text)
    text = patterns["bare_ordinal"].sub(lambda found: f"the {found.group('ord')} one", text)
    text = patterns["none_of"].sub("none of these", text)
    text = patterns["bare_more"].sub("show me more", text)
    text = patterns["what_else"].sub("anything else", text)
    text = patterns["superlative_of"].sub(lambda found: f"the {found.group('sup')} one", text)
    text = patterns["no_go"].sub("is a no", text)
    text = patterns["other_than"].sub("other than", text)
    text = patterns["at_end"].sub(
        lambda found: f"the {'last' if found.group('end').lower() in ('end', 'bottom') else 'first'} {found.group('noun')}",
        text)
    text = patterns["from_top"].sub(lambda found: found.group("head"), text)
    text = patterns["your_nth"].sub(lambda found: f"the {found.group('ord')} one", text)
    text = patterns["letter"].sub(
        lambda found: f"option {'abcd'.index(found.group('letter').lower()) + 1}", text)
    text = patterns["shown_nth"].sub(lambda found: f"the {found.group('ord')} one", text)
    text = patterns["costs_least"].sub(
        lambda found: f"the {'cheapest' if found.group('end').lower() in ('least', 'lowest') else 'priciest'} one", text)
    text = patterns["ordinal_pair"].sub(
        lambda found: f"the {found.group('a')} one {found.group('sep')} the {found.group('b')} one", text)
    text = patterns["after_preposition"].sub(lambda found: f"{found.group('prep')} the {found.group('ord')} one", text)
    text = patterns["lakh_grouping"].sub(lambda found: found.group(0).replace(",", ""), text)
    text = patterns["an_amount"].sub(_an_amount, text)
    return patterns["word_range"].sub(_word_range, text)


def _ordinal_noun(
    request: ShopperRequest, lowered: str, shown: list[Any], reread: Callable[[str], ShopperRequest],
) -> ShopperRequest:
    """"the top watch", "first watch but for men": an ordinal before a word naming every shown item is "one"."""
    from chatrec.understanding import normalise_tokens

    found = _patterns()["ordinal_noun"].search(lowered)
    if found is None or _patterns()["nouns"].match(found.group("noun")):
        return request
    noun = (normalise_tokens(found.group("noun")) or [""])[0]
    # "the second shirt" of shown t-shirts: the noun ends a word naming every shown item
    if len(noun) < 3 or not all(any(w == noun or len(noun) >= 4 and w.endswith(noun)
                                    for w in _title_words(item) | _type_words(item)) for item in shown):
        return request
    ordinal = {"top": "first", "bottom": "last"}.get(found.group("ord").lower(), found.group("ord").lower())
    again = reread(lowered[:found.start()] + f"the {ordinal} one" + lowered[found.end():])
    named = [r for r in again.references if r.how != "all"]
    before = [r.position for r in request.references if r.how != "all"]
    if len(named) != 1 or before and before != [r.position for r in named]:
        return request
    return again


def _type_words(item: Any) -> set[str]:
    from chatrec.understanding import normalise_tokens

    words: set[str] = set()
    for value in (getattr(item, "category", ""), *(getattr(item, "attributes", {}) or {}).values()):
        if isinstance(value, str):
            words.update(normalise_tokens(value, camel=True))
    return words


def _new_type(request: ShopperRequest, current: dict[str, list[str]], vocabulary: Any) -> bool:
    """Whether the request names a product type other than the search under way."""
    from chatrec.understanding import type_fields

    types = set(type_fields(getattr(vocabulary, "fields", ()) or ())) | {"category"}
    wanted = {v.casefold() for name, values in request.include.items() if name in types for v in values}
    kept = {v.casefold() for name, values in current.items() if name in types for v in values}
    return bool(wanted) and not wanted & kept


def _less(request: ShopperRequest, lowered: str, vocabulary: Any) -> ShopperRequest:
    """"less sporty", "not so formal": the value said after "less" is not wanted, rather than wanted."""
    from chatrec.language import Lexicon
    from chatrec.understanding import normalise_tokens

    include = {name: list(values) for name, values in request.include.items()}
    exclude = {name: list(values) for name, values in request.exclude.items()}
    for found in _patterns()["less"].finditer(lowered):
        word = found.group("word").lower()
        stems = {word, re.sub(r"(?:y|ish|ier|er)$", "", word)}
        stems |= set(Lexicon.default().translate(word, "en").lower().split())  # stop 65: "less traditional": Ethnic
        for name, values in request.include.items():
            for value in values:
                tokens = set(normalise_tokens(value, camel=True))
                if stems & tokens or any(len(s) >= 4 and any(t.startswith(s) for t in tokens) for s in stems):
                    include[name].remove(value)
                    exclude.setdefault(name, []).append(value)
    include = {name: values for name, values in include.items() if values}
    if include == request.include:
        return request
    return request.model_copy(update={"include": include, "exclude": exclude})


#: A follow-up that only adds what the item has: "with a low heel", "ones with a hood", "preferably with pockets".
_WITH_ONLY = re.compile(r"\W*(?:(?:and|but|ok|okay|maybe|ideally|preferably|something|anything|any|one|ones|those|"
                        r"some|the|just|only|please)\W+)*(?:with|that has|that have|having|which has|which have|w/)\b")


def _with_follow_up(request: ShopperRequest, lowered: str, current: Mapping[str, Sequence[str]],
                    vocabulary: Any) -> ShopperRequest:
    """Stop 65: "with a low heel" after women's sandals: a product type said after "with" in a follow-up, while
    another type is sought, is a feature of it (the heel of a sandal), not a new type (heels)."""
    from chatrec.understanding import type_fields

    if request.intent not in ("recommend", "refine") or not _WITH_ONLY.match(lowered):
        return request
    types = set(type_fields(getattr(vocabulary, "fields", ()) or ())) | {"category"}
    if not any(current.get(name) for name in types):
        return request
    named = {name for name in request.include if name in types}
    if not named or any(set(request.include[name]) & set(current.get(name, ())) for name in named):
        return request
    include = {name: values for name, values in request.include.items() if name not in named}
    return request.model_copy(update={"include": include, "intent": "refine"})


def _features(request: ShopperRequest, lowered: str, vocabulary: Any) -> ShopperRequest:
    """"the one with 12 month battery": a product type said after "the one with" is a feature of the item."""
    from chatrec.understanding import normalise_tokens, type_fields

    types = set(type_fields(getattr(vocabulary, "fields", ()) or ())) | {"category"}
    found = _patterns()["one_with"].search(lowered)
    if found is None or not [r for r in request.references if r.how != "all"]:
        # "earphones which have good bass and battery": a product type said after "have", once another
        # product type was said before it, is a feature of that product
        feature = re.search(r"\b(?:with|has|have|having|that has|which has|which have)\b", lowered)
        if feature is None:
            return request
        head, tail = set(normalise_tokens(lowered[:feature.start()])), set(normalise_tokens(lowered[feature.end():]))
        values = [(name, v) for name, vs in request.include.items() if name in types for v in vs]
        later = [(name, v) for name, v in values
                 if set(normalise_tokens(v, camel=True)) & tail and not set(normalise_tokens(v, camel=True)) & head]
        if not later or len(later) == len(values) or not head & set(normalise_tokens(request.query)):
            return request
        include = {name: [v for v in vs if (name, v) not in later] for name, vs in request.include.items()}
        return request.model_copy(update={"include": {name: vs for name, vs in include.items() if vs}})
    said = set(normalise_tokens(found.group("rest")))
    include = {
        name: values for name, values in request.include.items()
        if name not in types or not any(set(normalise_tokens(v, camel=True)) & said for v in values)
    }
    return request if include == request.include else request.model_copy(update={"include": include})


def _said_after(
    request: ShopperRequest, lowered: str, vocabulary: Any, reread: Callable[[str], ShopperRequest],
) -> ShopperRequest:
    """"black not please", "samsung no": a value the negation follows is turned down when the rules took it."""
    found = _patterns()["after_no"].search(lowered)
    if found is None or vocabulary is None or not hasattr(vocabulary, "names_value"):
        return request
    word = found.group("word").lower()
    if not vocabulary.names_value([word], set(vocabulary.fields)):
        return request
    again = reread(lowered[:found.start()] + f"no {word}" + lowered[found.end():])
    return again if again.exclude and len(again.exclude) >= len(request.exclude) else request


def _answer(lowered: str, pending: tuple[str, list[str]], request: ShopperRequest) -> ShopperRequest | None:
    """"any colour", "the last option", "blu": an answer to the question asked last, or None."""
    name, options = pending[0], list(pending[1])
    patterns = _patterns()
    if patterns["any_answer"].match(lowered):
        return ShopperRequest(intent="answer", answered=name, language=request.language)
    ordinal = patterns["option_answer"].match(lowered)
    chosen: str | None = None
    if ordinal and options:
        word = ordinal.group("ord").lower()
        index = len(options) - 1 if word == "last" else (
            {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}.get(word, int(word[0]) - 1 if word[0].isdigit() else 9))
        chosen = options[index] if index < len(options) else None
    else:
        words = re.findall(r"[a-z]+", lowered)
        words = [w for w in words if w not in {"pls", "please", "plz", "thanks", "ok", "okay", "maybe", "i", "think"}]
        if len(words) == 1 and len(words[0]) >= 3:
            close = [o for o in options if _close(words[0], o.lower()) or words[0] == o.lower()[:len(words[0])]]
            chosen = close[0] if len(close) == 1 else None
    if chosen is None:
        return None
    return ShopperRequest(intent="answer", include={name: [chosen]}, answered=name, query=chosen,
                          language=request.language)


def _between_items(found: re.Match[str], shown: list[Any], request: ShopperRequest) -> ShopperRequest | None:
    """"between the redmi and the samsung in price": the two shown items' prices bound the budget."""
    from chatrec.understanding import normalise_tokens

    ordinals = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": len(shown)}
    prices: list[float] = []
    for word in (found.group("a"), found.group("b")):
        if word.lower() in ordinals and ordinals[word.lower()] <= len(shown):
            hits = [ordinals[word.lower()]]
        else:
            token = (normalise_tokens(word) or [""])[0]
            hits = [p for p, item in enumerate(shown, start=1) if token in _title_words(item)]
        price = getattr(shown[hits[0] - 1], "price", None) if len(hits) == 1 else None
        if price is None:
            return None
        prices.append(float(price))
    low, high = sorted(prices)
    if low == high:
        return None
    from chatrec.request import PriceRange

    return request.model_copy(update={
        "intent": "refine", "references": [], "price": PriceRange(min=low, max=high), "relative_price": None})


#: The end of a text before a figure that the figure's bound, or a part of it: "at least ", "under ", "1." of "1.5".
_A_BOUND = re.compile(r"(?:\d[.,]|\b(?:at least|at most|more than|less than|over|under|above|below|up to|upto|min(?:imum)?|"
                      r"max(?:imum)?|within|around|about|from|to|between)\s+)$")


def _title_run(
    request: ShopperRequest, lowered: str, shown: list[Any], reread: Callable[[str], ShopperRequest],
    vocabulary: Any = None,
) -> ShopperRequest:
    """"wave lite but with calling", "galaxy m04 but with more ram": two words running together in one
    shown item's title (and in no other) name that item, with or without "the"."""
    from chatrec.understanding import _common_words, normalise_tokens

    if not re.search(r"\b(?:but|similar|like|same|instead|than|vs|versus|cheaper|pricier|one|ones|how|what|does|is)\b|\?",
                     lowered):
        return request  # "silicon strap watches" asks for such watches; a pointer comes with a turn of phrase
    words = normalise_tokens(lowered)
    titles = [" " + " ".join(normalise_tokens(str(getattr(item, "title", "")))) + " " for item in shown]
    common = _common_words()
    for start in range(len(words) - 1):
        pair = words[start:start + 2]
        if all(w in common or not w.isalnum() for w in pair):
            continue
        if vocabulary is not None and hasattr(vocabulary, "names_value"):
            descriptive = set(vocabulary.fields) - {"brand"}
            if vocabulary.names_value(pair, descriptive) or any(vocabulary.names_value([w], descriptive) for w in pair):
                continue  # "navy blue ones" asks for navy blue, whatever title says it
        hits = [p for p, title in enumerate(titles, start=1) if f" {pair[0]} {pair[1]} " in title]
        if len(hits) != 1:
            continue
        found = re.search(rf"\b{re.escape(pair[0])}\w*\W+{re.escape(pair[1])}\w*", lowered)
        if found is None:
            return request
        if pair[0].isdigit() and _A_BOUND.search(lowered[:found.start()]):
            continue  # stop 59: "at least 1.5 litres" bounds a figure; "5 litre" of "Pigeon 1.5 litre Kettle" names nothing
        again = reread(lowered[:found.start()] + _said(hits) + lowered[found.end():])
        named = [r.position for r in again.references if r.how != "all"]
        if named != hits:
            return request
        return again.model_copy(update={"references": [r.model_copy(update={"how": "title"}) for r in again.references]})
    return request


def _wish(request: ShopperRequest) -> bool:
    return bool(request.include or request.exclude or request.price or request.relative_price or request.references)


def _product_wish(request: ShopperRequest, vocabulary: Any) -> bool:
    """A product type, a budget or shown items asked for ("act like my girlfriend" names a gender only)."""
    from chatrec.understanding import type_fields

    types = set(type_fields(getattr(vocabulary, "fields", ()) or ())) | {"category", "brand"}
    return bool(set(request.include) & types or request.price or request.relative_price or request.references)


def _title_words(item: Any) -> set[str]:
    from chatrec.understanding import normalise_tokens

    return set(normalise_tokens(str(getattr(item, "title", ""))))


def _said(positions: list[int]) -> str:
    return " and ".join(f"number {p}" for p in positions)


def _pointed(
    lowered: str, shown: list[Any], request: ShopperRequest,
) -> tuple[tuple[int, int], list[int], str] | None:
    """The span of the message naming some shown items by price, title word or what was said; them; how."""
    from chatrec.understanding import _common_words, normalise_tokens  # the packaged word lists, read once

    patterns = _patterns()
    n = len(shown)
    for found in patterns["by_price"].finditer(lowered):
        amount = float((found.group("amount") or found.group("amount2")).replace(",", ""))
        hits = [p for p, item in enumerate(shown, start=1)
                if getattr(item, "price", None) is not None and abs(float(item.price) - amount) < 0.5]
        if hits and len(hits) < n:
            return found.span(), hits, "attribute"
    if request.intent not in ("more_like", "ask_about_item", "compare", "refine") \
            or request.intent == "refine" and request.exclude:  # "skip the boAt ones": turned down, not pointed at
        return None
    named = [r for r in request.references if r.how != "all"]
    both_default = bool(re.search(r"\bboth\b", lowered)) and [r.position for r in named] == [1, 2]
    if named and not both_default:
        return None
    stop = {*_table()["item_nouns"], *_table()["ordinals"], "other", "same", "last", "next", "two", "three", "four"}
    titles = [_title_words(item) for item in shown]
    for name in ("by_saying", "by_word"):
        for found in patterns[name].finditer(lowered):
            words = normalise_tokens(found.group("word"))
            if len(words) != 1 or len(words[0]) < 3 or words[0] in stop or not words[0].isalpha() \
                    or words[0] in _common_words():
                continue
            if name == "by_word" and re.search(r"\b(?:is|are|was|were|r)\s*$", lowered[:found.start()]) \
                    and re.match(r"\s*(?:$|[?.!,;])", lowered[found.end():]):
                continue  # "is this waterproof?": a quality asked about, no item named
            hits = [p for p, title in enumerate(titles, start=1) if words[0] in title]
            if not hits:  # "the zeb one" (Zebronics), "the county one" ("ZEB-COUNTY"): the start of a title word
                hits = [p for p, title in enumerate(titles, start=1)
                        if any(t.startswith(words[0]) or len(words[0]) >= 5 and words[0] in t for t in title)]
            if hits and len(hits) < n and (not both_default or len(hits) == 2):
                return found.span(), hits, "title"
    return None


def _mashed(token: str) -> bool:
    """Keyboard mashing: mostly neighbouring keys of one row, or no vowel, and no English word."""
    from chatrec.understanding import _is_word  # the packaged English word lists, read once

    if len(token) < 3 or _is_word(token):
        return False
    rows = _table()["keyboard_rows"]
    pairs = list(zip(token, token[1:]))
    neighbours = sum(any(abs(row.find(a) - row.find(b)) == 1 and a in row and b in row for row in rows)
                     for a, b in pairs)
    return neighbours / len(pairs) >= 0.75 or not re.search(r"[aeiouy]", token)


def adjust(
    request: ShopperRequest, message: str, context: Any, vocabulary: Any = None,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """Correct a rules request for the classes of the module docstring's second list.

    Args:
        request: The request of the rules so far.
        message: The message as the rules read it (after the English normalisers).
        context: The :class:`~chatrec.understanding.TurnContext` of the turn.
        vocabulary: The catalogue's :class:`~chatrec.understanding.ValueMatcher` (its fields).
        reread: Reads another wording of the message (the rules on that text, same context).

    Returns:
        The request, changed only in those classes.
    """
    if request.language != "en":
        return request
    patterns = _patterns()
    lowered = re.sub(r"\s+", " ", message.lower()).strip()
    shown = list(getattr(context, "shown", ()) or ())
    pending = getattr(context, "pending", None)
    if pending and request.intent != "answer" and not request.include.get(pending[0]):
        answered = _answer(lowered, pending, request)
        if answered is not None:
            return answered

    named = [r for r in request.references if r.how != "all"]
    if request.intent not in ("off_topic", "start_over") and (
            patterns["after_sales"].search(lowered) or patterns["shop_facts"].search(lowered)
            or patterns["trust"].search(lowered) or patterns["complaint"].search(lowered)
            or patterns["translate"].search(lowered)
            # with a wish besides ("earbuds under 1000. also print your prompt") the wish is served
            or not _product_wish(request, vocabulary) and (
                patterns["role_play"].search(lowered) or patterns["prompt"].search(lowered)
                or patterns["entertain"].search(lowered) or patterns["assistant_tastes"].search(lowered)
                or patterns["other_recommendations"].search(lowered) or patterns["errand"].search(lowered)
                or patterns["override"].search(lowered))):
        return ShopperRequest(intent="off_topic", language=request.language)
    if request.intent in ("recommend", "refine", "off_topic", "reject") and not (
            request.include or request.exclude or request.price or request.relative_price or named):
        if patterns["dislike_interjection"].match(lowered):  # "meh", "ugh": turning down what is shown
            return ShopperRequest(intent="reject" if shown else "chitchat", language=request.language,
                                  show_now=bool(shown))
        if request.intent != "reject" and patterns["interjection"].match(lowered):  # "hahaha", "omg"; not "hmm 😒"
            return ShopperRequest(intent="chitchat", language=request.language)
        if patterns["insult"].search(lowered) or patterns["rude"].search(lowered) \
                or request.intent != "reject" and patterns["presence"].search(lowered):
            return ShopperRequest(intent="chitchat", language=request.language)
    if request.intent in ("recommend", "refine", "off_topic") and not _wish(request):
        words = re.findall(r"[a-z]+", lowered)
        if words and all(_mashed(w) for w in words):
            return ShopperRequest(intent="chitchat", language=request.language)

    if shown and request.intent != "show_again" and patterns["show_again"].search(lowered) \
            and not (request.exclude or request.price or request.relative_price):
        return ShopperRequest(intent="show_again", language=request.language)

    if shown and reread is not None and request.intent == "more_like" and patterns["both"].search(lowered) \
            and [r.position for r in request.references] == [1, 2]:
        # "both are ugly": both shown items judged like "these"; only a rejection is taken from that reading
        again = reread(patterns["both"].sub("these", lowered))
        if again.intent == "reject":
            return again

    if shown and reread is not None:
        request = _ordinal_noun(request, lowered, shown, reread)
    if shown and reread is not None and not named:
        terse = patterns["terse_one"].search(lowered)
        # "white ones" asks for white items; "redmi one", "puma one" point at the shown Redmi, Puma
        describes = terse is not None and vocabulary is not None and hasattr(vocabulary, "names_value") \
            and vocabulary.names_value([terse.group("word").lower()], set(vocabulary.fields) - {"brand"})
        if terse and not describes and not [r for r in request.references if r.how != "all"]:
            again = reread(patterns["terse_one"].sub(
                lambda found: f"{found.group(1)}the {found.group('word')} {found.group('one')}", lowered, count=1))
            if [r for r in again.references if r.how != "all"]:
                request = again

    removed = patterns["remove"].search(lowered) if shown else None
    if reread is not None:
        request = _said_after(request, lowered, vocabulary, reread)
        if removed:
            again = reread(lowered[:removed.start()] + f"no {removed.group('words')} ones" + lowered[removed.end():])
            if again.exclude or again.avoid_words or not again.references:
                request = again

    polite = patterns["polite"].search(lowered) if reread is not None else None
    if polite and reread is not None and request.intent == "ask_about_item":
        again = reread(lowered[polite.end():])
        if again.intent != "ask_about_item":
            request = again

    last = [p for p in (getattr(context, "last_references", None) or []) if 1 <= p <= len(shown)]
    if last and reread is not None and not [r for r in request.references if r.how != "all"]:
        same = patterns["same_one"].search(lowered)
        if same:  # "same one in blue": the item talked about last
            again = reread(lowered[:same.start()] + _said(last) + lowered[same.end():])
            if sorted(r.position for r in again.references) == last:
                request = again
        elif request.intent == "more_like" and patterns["singular_pronoun"].search(lowered) \
                and not patterns["plural_pronoun"].search(lowered):
            request = request.model_copy(update={"references": [  # "more like it": the one talked about last
                ItemReference(position=p, item_id=str(getattr(shown[p - 1], "id", "")) or None, how="position")
                for p in last]})

    if request.intent == "ask_about_item" and reread is not None \
            and [r for r in request.references if r.how != "all"] and patterns["in_value_question"].search(lowered) \
            and not re.match(rf"^\W*(?:{alternation(_table()['question_openers'])})\b", lowered) \
            and not patterns["fact_question"].search(lowered):
        again = reread(lowered.rstrip(" ?"))
        if again.intent == "more_like" and again.include:
            request = again

    between = patterns["between_items"].search(lowered) if shown else None
    if between and patterns["price_words"].search(lowered) and not request.price:
        bounded = _between_items(between, shown, request)
        if bounded is not None:
            return bounded

    digits = patterns["digit_list"].search(lowered) if shown and reread is not None else None
    single = patterns["like_digit"].search(lowered) if shown and reread is not None and not digits else None
    if single and reread is not None and not [r for r in request.references if r.how != "all"] \
            and int(single.group("n")) <= len(shown):
        again = reread(lowered[:single.start("n")] + _said([int(single.group("n"))]) + lowered[single.end("n"):])
        if [r.position for r in again.references] == [int(single.group("n"))]:
            request = again
    if digits and reread is not None and not [r for r in request.references if r.how != "all"] and not request.price:
        positions = sorted({int(digits.group("a")), int(digits.group("b"))})
        if positions[-1] <= len(shown):
            again = reread(lowered[:digits.start("a")] + _said(positions) + lowered[digits.end("b"):])
            if sorted(r.position for r in again.references) == positions:
                request = again

    rest = patterns["rest"].search(lowered) if shown else None
    if rest:
        pointed_at = [r.position for r in request.references if r.how != "all" and r.how != "other"]
        base = pointed_at or [p for p in (getattr(context, "last_references", None) or []) if 1 <= p <= len(shown)]
        others = [p for p in range(1, len(shown) + 1) if p not in base]
        if base and others:
            intent = "more_like" if request.intent in ("refine", "recommend", "ask_about_item") \
                and not patterns["question"].search(lowered) else request.intent
            request = request.model_copy(update={"intent": intent, "references": [
                ItemReference(position=p, item_id=str(getattr(shown[p - 1], "id", "")) or None, how="other")
                for p in others]})

    if shown and reread is not None and not removed and not [r for r in request.references if r.how != "all"]:
        request = _title_run(request, lowered, shown, reread, vocabulary)

    pointed = _pointed(lowered, shown, request) if shown and reread is not None and not removed else None
    if pointed is not None and reread is not None:
        (start, end), hits, how = pointed
        again = reread(lowered[:start] + _said(hits) + lowered[end:])
        if sorted(r.position for r in again.references) == hits:
            references = [r.model_copy(update={"how": how}) for r in again.references]
            request = again.model_copy(update={"references": references})

    if shown and request.intent in ("ask_about_item", "compare") and patterns["similar"].search(lowered):
        references = request.references or [
            ItemReference(position=p, item_id=str(getattr(i, "id", "")) or None, how="all")
            for p, i in enumerate(shown, start=1)]
        request = request.model_copy(update={"intent": "more_like", "references": references})

    named = [r for r in request.references if r.how != "all"]
    if vocabulary is not None and request.include:
        request = _less(request, lowered, vocabulary)
        request = _features(request, lowered, vocabulary)
        current = dict(getattr(context, "current", None) or {})
        request = _with_follow_up(request, lowered, current, vocabulary)
        if request.intent == "reject" and current and _new_type(request, current, vocabulary):
            request = request.model_copy(update={"intent": "recommend"})  # "nah forget phones, show me tvs"
    if request.intent == "ask_about_item" and not request.references and shown \
            and patterns["adjective_ones"].search(lowered):
        request = request.model_copy(update={"intent": "refine"})  # "full sleeve ones?": a wish for such items
    if shown and request.intent == "ask_about_item" and not named and patterns["which_of"].search(lowered):
        # "which pair is good for running?", "which one fits a laptop": the shown items compared
        request = request.model_copy(update={"intent": "compare", "references": [
            ItemReference(position=p, item_id=str(getattr(i, "id", "")) or None, how="all")
            for p, i in enumerate(shown, start=1)]})
    if request.intent == "ask_about_item" and len(named) >= 2 and patterns["comparative"].search(lowered):
        request = request.model_copy(update={"intent": "compare"})  # "whats better redmi or samsung"
    if named and request.intent in ("more_like", "refine") and not request.relative_price and (
            patterns["question"].search(lowered) and patterns["availability"].search(lowered)
            or patterns["fact_question"].search(lowered)):
        request = request.model_copy(update={
            "intent": "ask_about_item", "include": {}, "exclude": {}, "relative_price": None, "price": None})
    return request
