"""Understanding a shopper's message by rules: the fast path that writes a :class:`ShopperRequest`.

Attribute values are matched against the catalogue's own vocabulary (``retriever.values``):
"blue t-shirts for men" becomes ``baseColour=Blue, category=Tshirts, gender=Men`` on the fashion
catalogue. Matching is general rather than fitted to examples:

- a word stands for a value only with evidence fit for its field: a brand or a part of a
  compound value ("Sporting Goods", "Home&Kitchen", the brand "Room") is never matched by a
  common English word ("good", "home", "room"), a number ("!!1000") or a word that describes
  products in other fields ("usb" of ``USBCables`` is not the brand "USB");
- typos are matched to the closest value (one edit, two for long words, same first letter:
  "tshrit", "samsumg", "headfones"); synonyms and other languages go through a lexicon
  (:mod:`chatrec.language`: "for my wife" -> women, "男士黑色鞋子" -> men black shoes);
- a negation covers the values after it until the clause turns ("not red but blue",
  "any colour but black", "red is not my colour, show blue", "a watch that isn't black");
  a negated modifier does not take the product type with it ("not kids clothes" keeps clothes);
  a negated word that is no catalogue value ("not skinny") is left out of the search text
  and avoided in titles;
- prices are read by :mod:`chatrec.money` and converted into the catalogue's currency;
- intents (more like these, none of these, a question about the second item, compare,
  start over, off topic) and references to the items shown ("the second one", "the blue one",
  "the other one") are read from the message and the items shown.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from chatrec import measure_words  # lead, stop 35
from chatrec import avoid_words  # lead, stop 35
from chatrec import kind_words  # stop 49: "shoes, not sneakers"
from chatrec import compound_products  # stop 51: "a washing machine" is no coffee machine
from chatrec import part_wishes  # stop 52: "any with a metal strap?" keeps the watches
from chatrec import plural_refusals  # stop 52: "I don't like the black ones"
from chatrec import too_verdicts  # stop 52: "that's too flashy"
from chatrec.not_carried import interest_in  # stop 45: "he loves football" is a wish, not off topic
from chatrec import english_shoppers, everyday_english, foreign_phrasing, informal, mixed_turns, regional_wording
from chatrec import english_pointing, foreign_pointing, foreign_shoppers, plain_shoppers, pointing_budgets
from chatrec import foreign_reading  # i12w
from chatrec import english_questions  # i12x
from chatrec import type_words  # i12ac
from chatrec import foreign_replies  # i12z
from chatrec import foreign_wishes  # i12ad
from chatrec import english_amendments  # i12aa
from chatrec import colour_families  # lead
from chatrec import attack_reading  # i12ah
from chatrec import world_english  # i12ae
from chatrec import foreign_constraints  # i12ai
from chatrec import several_wishes  # i12am
from chatrec.specs import one_word_spellings  # stop 66
from chatrec import indian_english, problem_words  # i12aj
from chatrec import gaps_round6  # i12al
from chatrec import gaps_round7  # i12aq
from chatrec import gaps_round8  # i12aw
from chatrec import set49_classes  # i12an
from chatrec import set50_classes  # i12ao
from chatrec import set51_classes  # i12as
from chatrec import set52_classes  # i12at
from chatrec import set54_classes  # i12ay
from chatrec import set56_classes  # i12bd
from chatrec import set58_classes  # i12bi
from chatrec import set61_classes  # i12bo
from chatrec import set60_classes  # i12bn
from chatrec import set63_classes  # i12da
from chatrec import recurring_classes  # i12bs
from chatrec import disliked_brand  # lead: a make the shopper has and dislikes
from chatrec import other_items  # lead, stop 38: asking for others in Spanish and German
from chatrec.behaviour_clause import behaviour_positions, behaviour_verbs
from chatrec import subkind_negation  # lead: turning down a kind of the type searched
from chatrec import brand_preference  # stop 55: "i prefer boat over jbl"
from chatrec import occasion_wishes  # stop 55: "面试穿的衣服"
from chatrec import owned_piece  # stop 55: "a shirt that goes with navy trousers"
from chatrec import use_wishes  # stop 56: "a speaker i can take to the beach", "something warm"
from chatrec import kind_colours  # stop 57: "a belt in the same colour"
from chatrec import item_details  # stop 57: "más detalles del primero"
from chatrec import case_for_device  # lead: a phone's case is filed with phone cases
from chatrec import set53_classes  # i12ax
from chatrec import colour_variant  # lead: "and in white?" after speakers
from chatrec import goes_with  # lead: "anything to go with it?"
from chatrec import hobbies  # lead: "she likes listening to music"
from chatrec import set55_classes  # i12bc
from chatrec import gaps_round9  # i12bb: sizes are no prices, "a phone case", "ohne Absatz"
from chatrec import gaps_round10  # i12bg: shopping gaps round 10
from chatrec import connect_questions  # lead: does a shown item connect to a device
from chatrec import degree_words  # lead: "nothing too short" is no type turned down
from chatrec import gaps_round12  # i12bm: shopping gaps round 12
from chatrec import xfails_round3  # i12bq: the strict xfails of batches 13-17
from chatrec import gaps_round13  # i12br: shopping gaps round 13
from chatrec import set57_classes  # i12bh
from chatrec import gaps_round11  # i12bk: shopping gaps round 11
from chatrec import batch14_fixes  # i12ba: batch 14's xfails ("das WLAN geht nicht", "正装的", "算了还是黑色吧")
from chatrec import batch15_fixes  # i12bf: batches 13-15 xfails ("any colour but nike", "mi iphone", "need a charger")
from chatrec import offtopic_model  # i12bl: the learned off-topic reader, last
from chatrec.accessories import accessory_words
from chatrec.foreign_words import foreign_product_type
from chatrec.language import F_PLURALS, Lexicon, detect_language, fold, normalise_foreign
from chatrec.money import DEFAULT_RATES, convert, format_amount, parse_budget
from chatrec.owned_devices import owned_devices
from chatrec.request import ItemReference, PriceRange, ShopperRequest
from chatrec.text import tokens as text_tokens
from chatrec.vocabulary import CatalogueVocabulary, audience_fields, is_categorical

__all__ = [
    "Match", "TurnContext", "ValueMatcher", "Vocabulary", "asks_the_shop", "normalise_tokens", "parse_price", "singular",
    "type_fields", "understand",
]

logger = logging.getLogger(__name__)

_DATA = Path(__file__).parent / "data"

#: Values never matched as constraints: too common as plain words in messages.
_STOP_VALUES = frozenset(
    {"", "a", "an", "the", "for", "and", "or", "of", "to", "in", "on", "with", "other", "others", "none",
     "na", "n/a", "any", "all", "yes", "no", "not", "it", "one", "new", "unknown", "misc", "item", "items",
     "basic", "brand", "generic", "empty"}
)
#: Head nouns too generic to stand for the values ending with them ("Skin Care", "Kurta Sets").
_GENERIC_HEADS = frozenset(
    {"care", "wear", "sets", "set", "item", "items", "pack", "combo", "product", "products", "accessory",
     "accessorie", "part", "kit", "tool", "thing", "other", "home", "type", "style", "size", "piece", "stuff",
     "peripheral", "supplie", "essential", "general", "unit", "device", "appliance", "good", "gift", "material"}
)
_NEGATORS = frozenset(
    {"not", "no", "nothing", "none", "without", "except", "excluding", "dont", "never", "hate", "avoid",
     "exclude", "nor", "neither", "non", "isnt", "arent", "doesnt", "wont", "wasnt", "didnt", "cant", "skip",
     "minus", "sans", "shouldnt", "mustnt", "wouldnt", "couldnt"}  # stop 59: "they shouldn't be black"
)
_MODALS = frozenset({"would", "will", "should", "might", "must", "shall", "could"})
_POST_NEGATORS = frozenset({"isnt", "arent", "doesnt", "dont", "wasnt", "wont", "shouldnt", "mustnt"})
#: The word after a subject pronoun (and an adverb), a verb: "while I drive", "she often runs".
_AFTER_SUBJECT = re.compile(r"\b(?:i|we|he|she|they)\s+(?:(?:always|usually|often|just|also|really|mostly|sometimes|"
                            r"never|still|only|mainly|daily)\s+)?([a-z]+)\b")
_AUXILIARIES = frozenset({"do", "does", "did", "am", "is", "are", "was", "were", "have", "has", "had", "can", "really",
                          "dont", "cant", "doesnt", "didnt", "wont", "havent", "hate"})
_NEGATED_AUX = frozenset({"doesnt", "dont", "didnt", "wont", "cant", "cannot", "wouldnt", "couldnt", "shouldnt"})
_NEGATION_PHRASES = re.compile(
    r"\b(?:not after|not looking for|not into|(?:i'?d )?rather not(?: have)?|stay away from|steer clear of|"
    r"no longer want|(?:don'?t|do not) need|not interested in|no more|"
    r"(?:i'?m|i am|im) (?:so |really |totally )?(?:done|finished|over|sick|tired|fed up) (?:with|of)|"
    r"(?:had|have had) enough of|(?:can'?t|cannot) stand|(?:don'?t|do not) (?:care for|fancy)|dislike|"
    r"not (?:a |the )?(?:big |huge )?fan of)\b"
)
_DISLIKED = frozenset(
    {"not", "never", "no", "boring", "ugly", "dull", "awful", "horrible", "terrible", "bad", "overrated"}
)
_COPULAS = frozenset({"is", "are", "was", "were", "look", "looks", "seem", "seems"})
#: Words that end the scope of a negation once something was negated ("not red but blue").
_SCOPE_BREAKS = frozenset(
    {"but", "instead", "rather", "prefer", "want", "like", "need", "love", "maybe", "show", "give", "find", "for",
     "get", "only", "just", "though", "however", "looking", "something", "search", "am", "im", "so"}
)
_ANY_BUT = frozenset({"any", "anything", "everything", "all", "whatever", "every"})
_PUNCT = frozenset({".", ",", ";", "!", "?", ":"})
#: A dash set apart between words ("not white - blue", "no – en azul") parts clauses as a comma does.
_DASH_BETWEEN_WORDS = re.compile(r"(?<=[^\W\d_])\s+[-\u2013\u2014]+\s+(?=[^\W\d_])")
def _given_up_words(message: str) -> set[str]:
    """The words of a clause that gives a wish up ("never mind the blue", "forget about the stripes"): no
    words to keep out of names."""
    found: set[str] = {"mind"}
    for clause in re.findall(r"\b(?:never\s*mind|forget(?: about)?)\b([^,.;!?]*)", message.lower()):
        found |= {w for word in clause.split() for w in (word, word.rstrip("s"))}
    # stop 51: "没有蓝色的就算了" (if there is no blue, never mind) gives blue up; it keeps no blue out of names
    for clause in re.findall(r"没有([^，,。；;！!？?]{1,8}?)的?(?:就|也)?(?:算了|无所谓|没关系|也行|也可以|拉倒)", message):
        english = Lexicon.default().translate(fold(clause), "zh")
        found |= {w for word in re.findall(r"[a-z]+", english.lower()) for w in (word, word.rstrip("s"))}
    return found


#: Words of price: "not too expensive" is no word to keep out of names.
_PRICE_WORDS = frozenset({"expensive", "pricey", "pricy", "costly", "cheap", "cheaper", "dear", "overpriced", "steep",
                          "affordable", "budget", "price", "prices", "priced", "pricier", "cost", "costs"})
#: Pronouns: a word turned down is never one ("no prints, I hate them").
_PRONOUNS = frozenset({"them", "they", "their", "theirs", "themselves", "him", "her", "his", "hers", "she", "he",
                       "us", "our", "ours", "its", "itself", "those", "these", "you", "yours"})
_FILLERS = frozenset(
    {"i", "im", "me", "my", "we", "you", "your", "a", "an", "the", "some", "any", "please", "want", "need",
     "looking", "look", "for", "show", "find", "get", "give", "like", "would", "could", "can", "do", "have",
     "is", "are", "it", "to", "of", "and", "or", "in", "on", "with", "that", "this", "these", "those", "one",
     "ones", "something", "anything", "thing", "just", "also", "really", "very", "so", "too", "again", "then",
     "but", "hi", "hello", "hey", "thanks", "thank", "ok", "okay", "yes", "maybe", "actually", "well", "hmm",
     "more", "other", "else", "let", "see", "what", "how", "which", "there", "here", "be", "buy", "got",
     "s", "t", "d", "ll", "m", "re", "ve", "am", "was", "were", "will", "from", "by", "at", "as", "about",
     "recommend", "suggest", "option", "options", "item", "items", "product", "products", "some", "good",
     "nice", "great", "now", "new", "search", "please", "pls", "plz", "did", "does", "has", "had", "why",
     "when", "where", "who", "tell", "compare", "if", "not", "no",
     "pick", "choose", "decide", "yourself", "choice"}  # "what would you pick?" searches for no "Pick Ur Needs"
)
#: Stop 52: words of Spanish and German that the lexicon leaves as they are and that name nothing to search for
#: ("que sea silencioso" searched "que sea quiet", "lieber in Schwarz" "lieber black", "eher sportlich" "eher sport").
_FOREIGN_FILLERS = frozenset(
    "que sea sean hay alguno alguna algunos algunas algo unos unas el la los las lo del al por favor me te se mi mis tu su "
    "muy mas tienes tiene tienen busco quiero necesito dame muestrame ensename hola gracias pero para es son esta estan "
    "ese esa este eso esto otro otra otros otras tambien ya pues bueno vale y "
    "ich du mir mich dir ein eine einen einem einer der die das den dem des und oder aber mit fur von zu zum zur im auf ist "
    "sind hat haben habe gibt es etwas bitte danke hallo auch noch was welche welcher welches zeig zeige zeigen suche "
    "brauche mochte will eher lieber etwa ungefahr ja doch mal denn".split())
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}

_OFF_TOPIC = re.compile(
    r"\b(weather|temperature|forecast|raining|news|politic\w*|election|president|prime minister|stock market|"
    r"bitcoin|crypto|recipe|joke|poem|lyrics|homework|capital of|who (?:is|was) the|what(?:'s| is) your name|"
    r"who are you|are you (?:a |an )?(?:bot|human|robot|ai|real)|ignore (?:all |your |the |any |previous |prior |"
    r"above |these )*(?:instructions|rules|prompts?|guidelines)|system prompt|jailbreak|pretend (?:to be|you are)|"
    r"write (?:me )?(?:a |an |some )?(?:code|program|script|essay|story|poem|song)|football|cricket score|score of|"
    r"flight|train ticket|hotel|restaurant|meaning of life|what time is it|how old are you|tell me a|rain|snow|"
    r"sunny|lawyer|doctor|medicine|taxi|cab|uber|(?:book|reserve) (?:me )?(?:a|an) (?:table|room|ride|seat|ticket|appointment)|"
    r"solve|equation|\d+ ?[+*/x] ?\d+|translate|who (?:made|built|created|trained|programmed) you|"
    r"are you (?:alive|sentient|conscious)|what model are you|what(?:'s| is) the time|time is it|"
    r"who (?:won|wins|will win|invented|discovered|wrote|sang|directed|painted|founded|killed)|world cup|olympics?|"
    r"match (?:today|tonight|yesterday)|(?:ipl|nba|fifa) (?:final|match|score|winner)|how (?:tall|far|old) is|"
    r"when (?:was|did|is) (?:the|he|she)\b.*\b(?:born|die|founded|invented|happen))\b"
)
#: Stop 59: a short follow-up naming a kind of the items shown by a word ("football ones", "the rain ones", "something
#: with football", "de fútbol", "mit Fußball" as the lexicon gives them): a narrower search, whatever the word's topic.
_MODIFIER_FOLLOW_UP = re.compile(
    r"^\W*(?:(?:any|some|the|only|just|show me|show me the)\s+)?[a-z]+(?:\s+[a-z]+)?\s+ones?\W*$|"
    r"^\W*(?:something|anything|one|ones|the ones|those|any|some)?\s*(?:with|de|del|mit|con)\s+(?:a |an |the |el |la )?"
    r"[a-z]+(?:\s+[a-z]+)?\W*$")
_INJECTION = re.compile(
    r"\b((?:ignore|forget|disregard|override|bypass) (?:about )?(?:all |your |the |any |previous |prior |above |these |"
    r"my |of )*(?:instructions|rules|prompts?|guidelines|programming|restrictions)|"
    r"(?:ignore|disregard) (?:all |everything )?(?:the )?(?:above|previous|before)|system prompt|jailbreak|"
    r"pretend (?:to be|you are)|developer mode|act as (?:a|an|my)|you are now|roleplay|role play|"
    r"(?:reveal|show|print|repeat|output|give|tell|leak|dump) (?:me )?(?:your |the |all |all the |all your )?"
    r"(?:hidden |secret |system |initial |original |full |internal )*(?:prompt|instructions|rules|guidelines|"
    r"configuration|config)|(?:new|updated|different|real|actual) (?:system )?(?:instructions|rules|prompt)|"
    r"(?:admin|god|debug|sudo|unrestricted) mode|(?:output|print|repeat|reveal|dump|show|tell) (?:me )?(?:everything|all|"
    r"the text|the words|what'?s written|what is written) (?:above|before|prior)|"
    r"i'?m (?:the|your) (?:developer|admin|administrator|owner|creator|programmer))\b"
)
_POLICY = re.compile(
    r"\b(shipping|ship to|delivery|deliver|delivered|delivering|dhl|fedex|courier|discount|coupon|voucher|refund|"
    r"return policy|returns|invoice|is there (?:a|any) sale|(?:sale|sales|offers?|deals?) (?:going on|on now|running|today|right now)|"
    r"exchange policy|payment|pay with|cash on delivery|order status|track (?:my )?order|customer service|"
    r"store hours|opening hours|my (?:order|parcel|package|delivery|purchase)|"
    r"return (?:the|my|this|these|those|it|them|an?)\b.*\b(?:bought|ordered|got|purchased)|cancel (?:my|the|an) order)\b"
)
#: stop 45: items ranked by their price below the list price ("which has the biggest discount?", "the best deals"):
#: the catalogue's list prices answer it; a discount for the shopper ("can I get a discount?") stays a policy question.
_RANKS_DISCOUNT = re.compile(r"\b(?:biggest|largest|highest|best|most|bigger|larger|higher|better|deepest)\s+"
                             r"(?:discounts?|deals?|savings?|offers?)\b|\bdiscounts?\s+(?:最\s*)?(?:big|biggest|most|high|highest)\b")
#: Chat-template or role markup in a message ("</user><system>", "SYSTEM:", "[INST]"): an injection attempt.
_ROLE_MARKUP = re.compile(
    r"</?\s*(?:system|user|assistant|developer|instructions?|im_start|im_end)\s*\|?>|<\|[a-z_]+\|>|\[/?(?:inst|system|sys)\]|"
    r"(?:^|\n)\s*(?:system|assistant|developer|admin)\s*:|(?:^|\n)\s*#{2,}\s*(?:system|instructions?|new)\b"
)
#: Tasks that are no shopping, whatever products they name ("write me a haiku about shoes"), and
#: asking the assistant to leave the catalogue aside ("ignore the catalogue").
_OTHER_TASK = re.compile(
    r"\b(?:write|compose|make up|tell) (?:me )?(?:a |an |some )?(?:[a-z]+ ){0,2}?(?:haiku|poem|limerick|sonnet|rap|"
    r"song|story|essay|joke|riddle|letter|email|cover letter|code|program|script)s?\b|"
    r"\b(?:ignore|forget|disregard|never mind) (?:the |your |this )?(?:catalogue|catalog|shop|store|shopping|products)\b"
)
#: After-sales service: off topic unless asked of a shown item ("the warranty on the Logitech?").
_SERVICE = re.compile(r"\b(warrant(?:y|ies)|guarantee|installation|emi|after[- ]sales?)\b")
#: Questions about the shop itself (is it genuine, safe, who runs it): not a product wish.
_SHOP_TRUST = re.compile(
    r"\b(?:is|are|can i trust) (?:this|your|the|you) ?(?:site|website|shop|store|app|company|seller|page)?\b.*"
    r"\b(?:legit|legitimate|safe|trustworthy|trusted|genuine|a scam|scam|secure|reliable|real)\b|"
    r"\b(?:site|website|shop|store|app|seller) (?:is )?(?:legit|a scam|safe|genuine|trustworthy)\b"
)
#: Small talk addressed to the assistant ("how's your day going?", "what's up?"): chit-chat, not off topic.
_SMALL_TALK = re.compile(
    r"^\W*(?:hi|hello|hey)?\W*(?:how(?:'?s| is| are| have| has| was) (?:it going|things(?: going)?|life(?: treating you)?|"
    r"you(?: been)?(?: doing)?|your (?:day|week|weekend|evening|morning|night)(?: going| been)?)|what'?s up|wassup|"
    r"how do you do|"
    r"nice to (?:meet|talk to|chat with) you|you doing (?:ok|okay|well|good|alright)|hope you(?:'re| are) (?:well|good|"
    r"doing well))\W*(?:today|so far|then)?\W*$"
)
#: A shown item named by its price among the others: "the cheapest one", "the cheaper of the two",
#: "the pricier of the first two", "the most expensive phone".
_PRICE_REFERENCE = re.compile(
    r"\bthe (?P<kind>cheapest|cheaper|least expensive|less expensive|lowest[- ]priced|lower[- ]priced|priciest|"
    r"pricier|most expensive|more expensive|costliest|dearest|highest[- ]priced|higher[- ]priced)"
    r"(?: (?P<noun>(?!of\b)[a-z]+))?(?: of (?:the|these|those|them|all)(?: (?P<edge>first|last))?"
    r"(?: (?P<count>two|three|2|3))?\b)?"
)
_REFERENCE_NOUNS = frozenset({"one", "option", "pick", "model", "item", "version", "product", "pair"})
#: Greetings no typo correction may turn into a product ("howdy" is not "hoody").
#: Contractions typed without the apostrophe ("shes 30, likes watches"): no typos of a product word ("shoes").
_BARE_CONTRACTIONS = frozenset({"shes", "hes", "hows", "whos", "whys", "wont", "dont", "cant", "isnt", "didnt", "doesnt",
                                "lets", "youd", "itll", "thats", "whats", "heres", "theres", "wheres", "youre", "theyre",
                                "ive", "youve", "weve", "theyve", "shell", "hell", "itd", "shed", "hed", "wed"})
_GREETING_WORDS = frozenset({"hi", "hello", "hey", "hiya", "heya", "howdy", "yo", "namaste", "greetings", "sup"})
_ACK = frozenset(
    "thanks thank thx ty ok okay nice cool great good day bye goodbye hello hi hey there still help helping helped "
    "sure fine see yes yeah yep ah ahh oh ohh wow perfect awesome lol haha morning evening afternoon night welcome "
    "alright right got lot much very have are you your thats sound sounds all done nothing else no thank cheer "
    "cheers needed wanted everything for now today that it exactly just what wonderful amazing brilliant super".split()
)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|hiya|heya|yo|howdy|namaste|greetings|good (?:morning|evening|afternoon|day)|thanks?(?: you)?(?: (?:so|very) much)?|ty|"
    r"ok(?:ay)?|cool|great|nice|awesome|perfect|bye|goodbye|see you|cheers|how are you|lol|haha|hmm+|wow|"
    r"you'?re welcome|that'?s all|nothing else|i'?m done|got it|sounds good|alright|fine|sure|yes|yeah|yep)"
    r"(?:[\s,!.?]+(?:hi|hello|hey|there|thanks?|thank you|a lot|so much|bye|ok(?:ay)?|great|cool|that'?s|"
    r"all|for now|for your help|help|you|very much|again|today|it|nice|perfect|sure))*[\s!.,?]*$"
)
#: Stop 49: words around a fresh start that ask for nothing ("let's start again", "forget everything i said").
_RESET_FILLERS = frozenset({"let", "lets", "said", "say", "please", "pls", "ok", "okay", "just", "all", "everything",
                            "again"})
_RESET = re.compile(
    r"\b((?:start|begin)(?:ing)? (?:over|again|afresh|fresh|anew|from scratch|from the (?:top|beginning))|"
    r"fresh start|clean slate|new search|forget (?:it|that|everything|all (?:that|of that)|"
    r"what i said)|reset|begin again|clear (?:everything|all|my wishes|the filters)|from scratch)\b"
)
_SHOW_AGAIN = re.compile(
    r"\b(show (?:me )?(?:those|them|the (?:first|previous|earlier|last|old) (?:ones|results|items|list)) again|"
    r"go back to (?:the )?(?:previous|earlier|first|last|old)|(?:previous|earlier) (?:ones|results|suggestions) again|"
    r"again the (?:previous|earlier) ones|(?:go|come|get|take me) back to (?:what|the ones|those|the items|the results)"
    r"(?: you)?(?: (?:showed|suggested|had|found))?(?: me)? ?(?:before|earlier|first|at first)?|"
    r"(?:bring|show) (?:me )?back (?:the )?(?:earlier|previous|first|old|original|last) (?:ones|results|items|suggestions)|"
    r"(?:what|the ones) you (?:showed|suggested) (?:me )?(?:before|earlier|at first) again|"
    r"(?:see|show|view|look at|bring up|pull up)(?: me)? (?:(?:the|those|these|that) (?:\w+ )?(?:lot|ones|results|items|"
    r"suggestions|options|batch|set|list|picks)|them|those|these) again|"
    r"(?:have|get|see|bring|put) (?:the |those |that )?(?:earlier|previous|first|old|original|last|other) (?:list|lot|ones|"
    r"results|items|suggestions|options|batch|set|picks) back)\b"
)
_COMPARE = re.compile(
    r"\b(compare|comparison|difference between|differences|differ|vs\.?|versus|which (?:one )?is better|"
    r"(?:what|any|much|big)(?:'s| is| are)? (?:the )?(?:real |main )?difference|"
    r"better,? the|which (?:one |of (?:these|those|them|the \w+|the \w+ \w+) )?(?:is|has|have|was|would|should|"
    r"lasts|will|do|does|gives|offers|comes)\b.*\b(?:better|best|cheaper|cheapest|more|most|less|least|longer|"
    r"longest|lighter|lightest|bigger|biggest|smaller|smallest|recommend|pick|go for|choose|prefer)|"
    r"which (?:one )?(?:should|would) (?:i|you)|which (?:of (?:these|those|them|the two) )?(?:do|would) you recommend|"
    r"which (?:one )?(?:of (?:these|those|them|the \w+) )?(?:is|are|has|was|looks|feels|works)? ?(?:the )?"
    r"(?:\w+(?:est|er)|most|least|best|worst)\b|"
    r"how (?:are|do|does) (?:these|those|they|the \w+(?: and the \w+)?)(?: two| three)? (?:differ|different|compare)|"
    r"\bor\b.*\bwhich\b|(?:first|second|third|fourth|last|1st|2nd|3rd|4th)(?: one)? or (?:the )?"
    r"(?:first|second|third|fourth|last|1st|2nd|3rd|4th|other)\b|\bwhich\b.*\bor the\b|side by side|which (?:one |ones )?of (?:these|those|them|the \w+)\b|head to head|pros and cons|stack up|"
    r"which (?:\w+ )?(?:is|are|has|have|would|will|does|do|lasts|feels|looks) (?:\w+ )?(?:the )?"
    r"(?:\w+est|most|least|best|worst)\b)\b"
)
_QUESTION = re.compile(
    r"(\?\s*$|^(?:why|what|whats|how|hows|does|do|is|are|can|could|will|would|which|when|where|who|tell me|"
    r"any (?:info|details))\b|"
    r"\b(?:tell me (?:more )?about|more (?:details|info|information) (?:on|about)|details (?:of|on|about)|"
    r"what about|how about|what is|what's|why did you|why (?:is|this|that|the))\b|"
    # "the first one how much", "el primero cuánto cuesta": the item named, then the question
    r"\b(?:one|ones|first|second|third|fourth|fifth|last|it|that|this|primero|segundo|tercero|cuarto|quinto|[uú]ltimo)"
    r"\W+(?:(?:how|what) (?:much|many|big|heavy|long|size|colou?r)|cu[aá]nt[oa]s?|how (?:is|are) (?:it|you|they)$)\b)"
)
_HAVE_IT_IN = re.compile(
    r"\b(?:have|got|get|want|need|find|order|buy) (?:it|that|this|that one|this one|the same(?: one)?) (?:also |too )?in\b"
)
_MORE_LIKE = re.compile(
    r"\b(more like (?:this|these|that|those|them|it|the)|similar|like (?:this|these|that|those|them) (?:one|ones)?\b.*"
    r"\bmore|(?:anything|something|stuff|others?|ones?) (?:similar to|like|close to) (?:the|this|that|these|those|it|them)\b|"
    r"alternatives? (?:to|for) (?:the|this|that|these|those|it|them)\b|"  # stop 45: "any alternatives to the brown one?"
    r"show (?:me )?(?:some |a few |a couple(?: of)? |few |several |a bit )?more\b(?! (?:expensive|affordable|colou?rful|formal|casual))|more (?:of (?:these|"
    r"those|them|this|that|the same)|options like|please|like that|results)|something like (?:the|this|that|these|"
    r"those)|along (?:those|these|the same) lines|in the same (?:style|vein)|i (?:like|love) (?:these|those|them|"
    r"this|that|it)|like the (?:first|second|third|fourth|fifth|last) one|the same but|but in|in (?:a )?different "
    r"colou?r|keep going|go on|more more|same style|(?:have|any|got|some) more\b)"
)
_REJECT = re.compile(
    r"\b(something else|anything else|other (?:options|ones|items|things|suggestions|products|choices)|"
    r"different (?:ones|options|items|suggestions|things)|none of (?:these|those|them|the above|it)|"
    r"not (?:these|those|them|this|that)(?: ones?)?\b(?! one)|don'?t like (?:these|those|them|any|this|that|it)|"
    r"not (?:what i|quite what|really what|for me|my style|my taste|interested|impressed)|neither|no good|nope|nah|"
    r"not (?:really |quite |exactly |totally )(?:for me|my (?:style|taste|thing|vibe|cup of tea))|"  # stop 45
    r"not (?:really |quite )?(?:feeling|loving|digging|vibing with|into) (?:any of )?(?:these|those|them|this|that|it)|"
    r"next\b(?! (?:season|week|month|year|time|day|summer|winter|spring|fall|autumn|collection|gen|generation|"
    r"model|version|to|door))|i hate (?:these|those|them|all|it)|boring|ugly|try again|"
    r"don'?t want (?:these|those|them|any of)|not (?:a fan|keen)|other (?:designs?|styles?|models?|kinds?|types?|brands?)|"
    r"different (?:products|designs?|styles?|models?|kinds?|brands?)|"
    r"(?:these|those|they|them)(?: \w+)? (?:don'?t|do not|doesn'?t|does not) (?:do it|work|appeal|suit|grab|speak)\b|"
    r"(?:these|those|they)(?: \w+)? (?:aren'?t|are not) (?:for me|my style|my thing|my taste|it|right))"
)
_SHOW_NOW = re.compile(
    r"\b(just show|show me (?:some|something|anything|what|a few|more|options|them|results|everything|the (?:items|products|options)|"
    r"now)|show (?:me )?(?:what )?you(?:'ve)? (?:have|got)|recommend|suggest|surprise me|skip|no (?:more )?questions|"
    r"whatever you (?:think|like|want)|go ahead|let me see|you (?:pick|choose|decide)|what do you have|"
    r"(?:would|do|should|will|could|'?d) you (?:pick|choose|go for|get|take|buy)|(?:pick|choose) (?:one|some|something|"
    r"a few) (?:for me|yourself)|your (?:top )?(?:pick|picks|choice|favou?rite)s?|"
    r"what have you got|anything is fine|any is fine)\b|^show me\W*$|^show\W*$"
)
_NO_PREFERENCE = re.compile(
    r"^\W*(?:(?:well|honestly|hmm+|um+|uh+|i mean|tbh)\W+)?(any(?:thing)?|either|whatever|doesn'?t matter|does not matter|"
    r"no (?:real |particular |strong )?preference|don'?t care|not sure|"
    r"all|any of (?:these|those|them)|i don'?t mind|up to you|any(?:thing)? is fine|surprise me|"
    r"(?:i )?don'?t know|no idea|all of them|both|"
    r"(?:either|any|anything|whichever|any of them|either of them|any one|either one)(?: one)? (?:is|are|will be|would be|"
    r"works?)? ?(?:fine|ok|okay|good|alright|great|cool)?(?: (?:for|with) me)?)"
    r"(?:\W+(?:really|honestly|tbh|at all|to be honest|either way|thanks|please|i guess))*\W*$"
)
_NONE_OF_THESE = re.compile(
    r"\b(none of (?:these|those|them|the above)|neither|something (?:different|else)|anything else|other)\b"
)
_CHEAPER = re.compile(
    r"\b(cheap\w*|less expensive|lower price\w*|more affordable|affordable|inexpensive|too (?:expensive|pricey|costly)|"
    r"budget|low[- ]cost|low[- ]priced|economical|not (?:too |so |very )?(?:expensive|pricey|costly)|save money|"
    r"bargain|lower end|not (?:to )?spend (?:too |so )?much|spend less|save|for less|less money|lower budget|"
    r"(?:aren'?t|isn'?t|is not|are not|nothing|never|without being) (?:too |so |very |that |overly )?(?:expensive|pricey|pricy|costly|dear)|"
    r"less (?:costly|pricey|pricy|expensive)|(?:costs?|costing|priced) less|lower[- ]priced|"
    r"(?:a (?:bit|little)|rather|quite|very|so|way|kind of|kinda) (?:too )?(?:expensive|pricey|pricy|costly|steep)|"
    r"(?:out of|over|above|beyond) (?:my|our) (?:budget|price range|league)|(?:can'?t|cannot) afford|"
    r"(?:over|above|beyond|more than) (?:what )?(?:i|we) (?:can|could|am able to|wanted|want|planned|plan|hoped|was hoping|intended|"
    r"meant|had in mind|expected) (?:to )?(?:pay|spend)?)\b"
)
_PRICIER = re.compile(
    r"\b(more expensive|pricier|higher end|high[- ]end|premium|too cheap|fancier|luxury|luxurious|top of the line|"
    r"best quality|expensive)\b"
)
_DROP_FIELD = re.compile(
    r"\b(?:(?:any|whatever|all) (?P<a>\w+) (?:is|are|will be|would be) (?:fine|ok|okay|good)|(?P<b>\w+) "
    r"(?:doesn'?t|does not|don'?t) matter|(?:forget|ignore|remove|drop|never mind|nevermind|skip) (?:about )?(?:the |my )?"
    r"(?P<c>\w+)(?: (?:filter|limit|wish|constraint))?|no (?P<d>budget|price limit|limit)|(?:any|all) (?P<e>\w+)s? (?:please|then))\b"
)
_FIELD_WORDS = {
    "colour": ("colour", "color", "basecolour"), "color": ("colour", "color", "basecolour"),
    "brand": ("brand", "make", "manufacturer", "store"), "gender": ("gender", "sex"),
    "season": ("season",), "usage": ("usage", "occasion", "use"), "type": ("category", "type", "articletype"),
    "category": ("category",), "size": ("size",), "material": ("material",),
}
#: A question about the world rather than the shop ("who won...", "how do I cook...").
_WORLD_QUESTION = re.compile(r"^\W*(?:who|whom|whose|when|where|why|how|what(?:'?s)?|which)\b")
#: Words that make a question a shopping one ("what should I wear to a wedding?", "what do you sell?").
_SHOPPING = re.compile(
    r"\b(buy|bought|wear|wearing|gift|gifts|present|sell|sells|stock|carry|have|has|got|recommend|suggest|need|"
    r"want|looking|find|get|shop|shopping|price|prices|cost|costs|cheap|cheaper|expensive|afford|outfit|look good|"
    r"go with|fit|fits|size|sizes|brand|brands|colou?rs?|options?|available|order|for (?:a|an|my|the|her|him|me)|"
    r"popular|trending|latest|new arrivals?|bestsell\w*|best sell\w*|in style|in fashion|fashionable|in season)\b"
)
#: Stop 49: where the shopper is, no product ("something comfy to wear at home" showed a cushion cover, the
#: fashion demo's one "Home" item; "a shirt i can wear at home" asked for shirts among Home items).
_AT_HOME = re.compile(r"\b(?:at|around|round|about) (?:the |my |our |your )?(?:home|house|place)\b|\bin the house\b")
#: Stop 49: a question for what serves a purpose ("what's good for making coffee at home?", "which is best for
#: the gym?", "anything useful for a long flight?"): in a shop, it asks for products.
_GOOD_FOR = re.compile(
    r"^\W*(?:so |and |ok(?:ay)? |hi |hey |hello )?(?:what(?:'?s| is| are|'re| would be| will be)?|which(?: one)?(?:'?s| is| are)?"
    r"|anything|something)\s+(?:(?:really|very|the|most|be|is|are|would|will)\s+)*"
    r"(?:good|best|great|ideal|useful|handy|nice|recommended|suitable|right|better|perfect|buen[oa]s?|mejor|gut|gute|"
    r"guter|beste)\s+(?:for|to|para|fur|für|zum|zur)\b"  # "¿qué es bueno para ...?", "was ist gut für ...?"
)
#: Thanks or goodbye opening a message with no wish ("thanks a ton, you've been very helpful").
_THANKS = re.compile(r"^\W*(?:thanks?|thank you|thx|ty|cheers|many thanks|much appreciated|bye|goodbye)\b")
#: The shopper adds a product type rather than replacing one ("and a belt", "also a belt"); "now a
#: belt too" during a jeans search reads as the next thing to look at (issue 12: "and"/"also").
_ALSO = re.compile(r"^\W*and\b|\balso\b|\bin addition\b")
_PRICE_FIELD_WORDS = frozenset({"price", "budget", "prices", "cost", "limit", "price limit"})
#: "ok what about analog watches", "how about realme phones?": a refinement or a new request, not a
#: question about a shown item (unless it names one: "what about the second one?").
_WHAT_ABOUT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|hmm+|well|then|alright|right|oh|ah|fine|cool|nice)\W+)*(?:what|how) about\b"
    r"(?! (?:the|this|that|these|those|it|them|its|their|his|her|one)\b)"
)
#: A connector written with a single letter ("type c", "usb-c", "micro b").
_PORT = re.compile(r"\b(?:type|usb|micro)[\s-]?[a-c]\b")
#: A shown item named by its place ("the second one", "the first or second") when nothing was shown yet.
_UNSHOWN_REFERENCE = re.compile(
    r"\bthe (?:first|second|third|fourth|fifth|last|middle|other|1st|2nd|3rd|4th|5th)\b"
    r"(?! (?:time|week|month|year|day|season|collection|generation|gen)\b)"
)


def _split_camel(text: str) -> str:
    # "USBCables" -> "USB Cables", "HomeTheater" -> "Home Theater"; "Tshirts" stays.
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    return re.sub(r"(?<=[A-Z])(?=[A-Z][a-z]{2,})", " ", text)


def _singular(word: str) -> str:
    if len(word) <= 3 or not word.endswith("s") or word.endswith("ss") or word.isdigit():
        return word
    if word in F_PLURALS:  # stop 55: "scarves" is "scarf" ("a scarf" read no product)
        return F_PLURALS[word]
    if re.search(r"(ch|sh|ss|x)es$", word):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


def normalise_tokens(text: str, *, camel: bool = False) -> list[str]:
    """Lower-case word and punctuation tokens, singular, accents folded, "t-shirt" joined to "tshirt".

    Args:
        text: Any text (a message or a catalogue value). Chinese characters become one
            token each (run the lexicon first to turn known Chinese words into English).
        camel: Split CamelCase words first (for catalogue values such as ``USBCables``).

    Returns:
        Tokens; punctuation marks (``. , ; ! ? :``) are kept as their own tokens.
    """
    if camel:
        text = _split_camel(text)
    text = fold(text).replace("&", " and ")
    text = re.sub(r"(?<=[a-z])'(?=[a-z])", "", text)  # don't -> dont
    text = re.sub(r"\bt[\s-]?shirt", "tshirt", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", "", text)  # hyphenated words become one
    text = _DASH_BETWEEN_WORDS.sub(" , ", text)  # stop 64: "not white - blue": the dash ends what "not" covers
    return [_singular(token) for token in text_tokens(text, punctuation=True)]


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    lines = (_DATA / "common_words.txt").read_text(encoding="utf-8").splitlines()
    words = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return frozenset(words | {_singular(word) for word in words})


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    lines = (_DATA / "english_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _is_word(token: str, plurals: bool = True) -> bool:
    """Whether ``token`` is an English word: in the word lists, or (with ``plurals``) a word without its "s" (stop 66:
    not a word ending in "ss" without its last "s": "wireles" is a typo of "wireless", no singular of it)."""
    words = _english_words()
    return (token in words or plurals and (token + "s" in words and not token.endswith("s") or token + "es" in words)
            or token in _common_words()
            or token in behaviour_verbs())


def type_fields(fields: Sequence[str]) -> list[str]:
    """The fields that name a product type (``category``, ``subCategory``, ``department``...)."""
    return [name for name in fields if re.search(r"categ|type|department|class|kind", name, re.IGNORECASE)]


@dataclass(frozen=True)
class Match:
    """A catalogue value found in a message.

    Attributes:
        values: Field to the catalogue values the words stand for (a path segment such as
            "cables" may stand for several category paths).
        start: First token of the match.
        end: One past the last token.
        surface: The words matched.
        negated: True when a negation governs the match ("not red").
    """

    values: dict[str, frozenset[str]]
    start: int
    end: int
    surface: str
    negated: bool = False


def _edits(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions), or ``limit + 1`` when above it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _vowels_only(a: str, b: str) -> bool:
    """Whether two long words of one length differ only in their vowels ("sumsang", "samsung")."""
    if len(a) != len(b) or len(a) < 6:
        return False
    skeleton = [c for c in a if c not in "aeiouy"]
    return len(skeleton) >= 4 and skeleton == [c for c in b if c not in "aeiouy"] and all(
        x == y or (x in "aeiouy" and y in "aeiouy") for x, y in zip(a, b)
    )


def _sound(word: str) -> str:
    # Letters that sound alike: "headfones", "logitek" (logitech), "zebronix" (zebronics).
    word = word.replace("ph", "f").replace("ck", "k").replace("cs", "x").replace("ks", "x")
    return word[:-2] + "k" if word.endswith("ch") else word


class ValueMatcher:
    """Finds the catalogue's values in a message: its categorical fields indexed by their normalised words.

    Built from the catalogue's vocabulary (:meth:`from_catalogue`); fields that are not
    categorical (:func:`chatrec.vocabulary.is_categorical`: ids, free text, numbers) are left out.

    Args:
        values: Field name (``category``, ``brand`` or an attribute) to a counter of its values.
        max_distinct: Fields with more distinct values than this are not matched (matching cost).
    """

    # Strength of a surface: the whole value, a part of a compound value, its head noun.
    _FULL, _PART, _HEAD = 2, 1, 1

    def __init__(self, values: Mapping[str, Counter[str]], max_distinct: int = 3000) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self._surfaces: dict[tuple[str, ...], dict[str, set[str]]] = {}
        self._strength: dict[tuple[tuple[str, ...], str], int] = {}
        every_surface: dict[str, dict[str, dict[tuple[str, ...], int]]] = {}
        for name, counter in values.items():
            counter = Counter({str(v): c for v, c in counter.items() if str(v).strip()})
            if len(counter) > max_distinct or not is_categorical(name, counter):
                continue
            numeric = sum(1 for v in counter if re.fullmatch(r"[\d.,\s\-₹$€£|]+", v))
            if numeric > len(counter) / 2:
                continue  # prices ("₹1,099"): matched by nothing but exact quick replies
            self.counts[name] = counter
            surfaces = {value: self._value_surfaces(value) for value in counter}
            every_surface[name] = surfaces
            for value, found in surfaces.items():
                for surface, strength in found.items():
                    self._add(surface, name, value, strength)
            # The head noun of a multi-word value stands for all values sharing it ("charger":
            # WallChargers, AutomobileChargers), unless the field has that word as a value.
            # Only a whole one-word value blocks it: a part of a compound ("Kettle" of
            # "Kettle&ToasterSets") is no better evidence than a head noun ("ElectricKettles").
            exact = {
                surface for found in surfaces.values() for surface, strength in found.items()
                if len(surface) == 1 and strength == self._FULL
            }
            for value, found in surfaces.items():
                for surface, strength in found.items():
                    head = surface[-1:]
                    if (
                        strength == self._FULL and len(surface) > 1 and head not in exact and len(head[0]) >= 4
                        and head[0] not in _GENERIC_HEADS and not head[0].isdigit()
                    ):
                        self._add(head, name, value, self._HEAD)
                    # i12g: so is its multi-word tail ("water heater": InstantWaterHeaters and
                    # StorageWaterHeaters, not every heater)
                    for size in range(2, len(surface)) if strength == self._FULL and len(head[0]) >= 4 else ():
                        self._add(surface[-size:], name, value, self._HEAD)
            self._drop_distributed_parts(name, counter)
        self._short_heads(every_surface)
        self.max_len = max((len(s) for s in self._surfaces), default=0)
        self._types = set(type_fields(list(self.counts))) | {"category"}
        # Words that describe products in a type field ("usb", "cable"): never a brand alone.
        self._descriptive = {
            token
            for surface, fields in self._surfaces.items()
            for name in fields if name in self._types
            for token in surface
        }
        # The words of every value, with how many items they cover: typos are corrected to them.
        self._words: Counter[str] = Counter()
        for surface, fields in self._surfaces.items():
            for name, matched in fields.items():
                for token in surface:
                    if len(token) >= 4 and token.isalpha():
                        self._words[token] += self._coverage(name, matched)
        self._by_initial: dict[str, list[str]] = {}
        for word in self._words:
            self._by_initial.setdefault(word[0], []).append(word)

    def _short_heads(self, every_surface: Mapping[str, Mapping[str, Mapping[tuple[str, ...], int]]]) -> None:
        """stop 54: a three-letter head noun of a product type stands for its values too ("fan": CeilingFans,
        ExhaustFans, PedestalFans, TableFans), when at least three values of a type field share it, no field has
        the word as a whole value ("bag" of fashion, which has "Bags") and it is no accessory word ("bag" of
        electronics: HandheldBags, HardDiskBags, LaundryBags; a laptop bag is a sleeve): short words are too often
        another thing's word ("rod" of ImmersionRods only, "pad", "set") to read from one or two values."""
        whole = {surface[0] for found in every_surface.values() for by_value in found.values()
                 for surface, strength in by_value.items() if len(surface) == 1 and strength == self._FULL}
        for name in type_fields(list(every_surface)):
            heads: dict[str, list[str]] = {}
            for value, found in every_surface[name].items():
                for surface, strength in found.items():
                    word = surface[-1]
                    if strength == self._FULL and len(surface) > 1 and len(word) == 3 and word.isalpha():
                        heads.setdefault(word, []).append(value)
            for word, shared in heads.items():
                if len(set(shared)) >= 3 and word not in whole and word not in _GENERIC_HEADS \
                        and word not in accessory_words():  # "a bag for my laptop": what it is for says which bag
                    for value in shared:
                        self._add((word,), name, value, self._HEAD)

    def _drop_distributed_parts(self, name: str, counter: Counter[str]) -> None:
        """i12j: a later one-word part of a listing whose first part has a modifier is modified by it
        too ("WaffleMakers&Irons" are waffle irons): that part does not stand for the compound
        when the same word heads whole values of the field ("iron": DryIrons, SteamIrons)."""
        for value in counter:
            pieces = [p for p in re.split(r"\s*(?:[,&+]|\band\b)\s*", value) if p.strip()]
            if len(pieces) < 2 or len(normalise_tokens(pieces[0], camel=True)) < 2:
                continue
            for piece in pieces[1:]:
                surface = tuple(t for t in normalise_tokens(piece, camel=True) if t not in _PUNCT)
                values = self._surfaces.get(surface, {}).get(name, set())
                if len(surface) == 1 and self._strength.get((surface, name)) == self._HEAD and values - {value}:
                    values.discard(value)
                    modifier = tuple(normalise_tokens(pieces[0], camel=True)[:-1])
                    self._add(modifier + surface, name, value, self._PART)  # "waffle iron"

    @classmethod
    def from_catalogue(cls, vocabulary: CatalogueVocabulary) -> ValueMatcher:
        """The matcher of a catalogue's vocabulary."""
        return cls(vocabulary.counts)

    @classmethod
    def from_items(cls, items: Sequence[Any]) -> ValueMatcher:
        """The matcher of these catalogue items' vocabulary."""
        return cls.from_catalogue(CatalogueVocabulary.from_items(items)).with_types_of(items)

    def with_types_of(self, items: Iterable[Any]) -> ValueMatcher:
        """Learn which product types of different fields the items hold together (In-Ear with
        Headphones,Earbuds&Accessories; Flats never with Sandal), so that "in-ear earbuds" narrows
        the earbuds while "flat sandals" are sandals; returns self."""
        together: set[tuple[str, str, str, str]] = set()
        items_list = list(items)
        for item in items_list:
            values = [("category", str(item.category))] if getattr(item, "category", None) else []
            values += [(n, str(v)) for n, v in item.attributes.items() if n in self._types and isinstance(v, str)]
            together.update((a, x, b, y) for a, x in values for b, y in values if a != b)
        self._together = together
        self._typed_items = items_list
        self._mentions: dict[tuple[str, str], tuple[int, Counter[str]]] = {}
        return self

    def text_words(self) -> frozenset[str]:
        """Every word the names and descriptions of the items read say ("waterproof", "rechargeable"),
        computed once; empty when no items were read."""
        known = getattr(self, "_text_words", None)
        if known is None:
            found: set[str] = set()
            for item in getattr(self, "_typed_items", ()):
                found.update(normalise_tokens(f"{item.title} {getattr(item, 'description', '') or ''}"))
            known = self._text_words = frozenset(found)
        return known

    def mentioned_by(self, field: str, value: str, word: str) -> float:
        """The share of the items of one product type whose name or description says ``word``
        (0.0 when the items were not read): "camera" in 84% of the Smartphones."""
        key = (field, value)
        if key not in self._mentions:
            if not hasattr(self, "_typed_items"):
                return 0.0
            mine = [item for item in self._typed_items
                    if (str(getattr(item, "category", "")) if field == "category" else item.attributes.get(field)) == value]
            counts: Counter[str] = Counter()
            for item in mine:
                counts.update(set(normalise_tokens(f"{item.title} {getattr(item, 'description', '') or ''}")))
            self._mentions[key] = (len(mine), counts)
        total, counts = self._mentions[key]
        return counts[word] / total if total else 0.0

    def together(self, first: tuple[str, str], second: tuple[str, str]) -> bool | None:
        """Whether some item has both values (None when the items were not read)."""
        known = getattr(self, "_together", None)
        return None if known is None else (*first, *second) in known

    def _add(self, surface: tuple[str, ...], name: str, value: str, strength: int) -> None:
        values = self._surfaces.setdefault(surface, {}).setdefault(name, set())
        key = (surface, name)
        best = self._strength.get(key, 0)
        if strength > best:
            values.clear()  # "keyboard" is Keyboards, not also Keyboard&MouseSets
            self._strength[key] = strength
        if strength >= best:
            values.add(value)

    @classmethod
    def _value_surfaces(cls, value: str) -> dict[tuple[str, ...], int]:
        parts = [value]
        if "|" in value or " > " in value or "/" in value:
            parts = [part for part in re.split(r"\s*(?:\||>|/)\s*", value) if part]
        surfaces: dict[tuple[str, ...], int] = {}
        for part in parts:
            pieces = [(part, cls._FULL)]
            split = [p for p in re.split(r"\s*(?:[,&+]|\band\b)\s*", part) if p.strip()]
            if len(split) > 1:
                pieces += [(piece, cls._PART) for piece in split]
            for text, strength in pieces:
                for camel in (False, True):
                    tokens = tuple(t for t in normalise_tokens(text, camel=camel) if t not in _PUNCT)
                    if camel and any(len(t) == 1 for t in tokens):
                        continue  # "iPhone" is not "i phone"
                    joined = " ".join(tokens)
                    if tokens and joined not in _STOP_VALUES and len(joined) > 1:
                        surfaces[tokens] = max(surfaces.get(tokens, 0), strength)
        return surfaces

    def names_value(self, words: Sequence[str], fields: set[str] | frozenset[str]) -> bool:
        """Whether these normalised words are a value (or a value's surface) of one of these fields."""
        return any(name in fields for name in self._surfaces.get(tuple(words), {}))

    def words_of(self, values: set[str] | frozenset[str], fields: set[str] | frozenset[str]) -> frozenset[str]:
        """The single words that name one of these values of these fields ("television" for SmartTelevisions)."""
        return frozenset(surface[0] for surface, named in self._surfaces.items() if len(surface) == 1
                         and any(name in fields and matched & values for name, matched in named.items()))

    @property
    def descriptive(self) -> set[str]:
        """Words of product-type values ("cable", "battery"): they describe products, they name none."""
        return self._descriptive

    @cached_property
    def value_words(self) -> frozenset[str]:
        """Values that are one word on their own ("creme" for "Crème"): never translated by the lexicon."""
        # A brand that is a common word ("Remote", "Room") is never matched alone, so it protects nothing.
        return frozenset(
            surface[0] for (surface, name), strength in self._strength.items()
            if len(surface) == 1 and strength == self._FULL and not (name == "brand" and surface[0] in _common_words())
        )

    @cached_property
    def value_phrases(self) -> frozenset[str]:
        """Values of several words, as written and in the plural ("laptop bag", "laptop bags"): the
        shop's own phrases, never translated by the lexicon (a shop selling laptop bags means them)."""
        out = set()
        for (surface, _name), strength in self._strength.items():
            if len(surface) > 1 and strength == self._FULL:
                out.update({" ".join(surface), " ".join(surface) + "s"})
        return frozenset(out)

    @property
    def words(self) -> Counter[str]:
        """The words of the values (4 letters or more), with how many items they cover."""
        return self._words

    @property
    def fields(self) -> list[str]:
        """The fields whose values can be matched and asked about."""
        return list(self.counts)

    def distinct(self, name: str) -> int:
        """How many distinct values a field has (0 for an unknown field)."""
        return len(self.counts.get(name, ()))

    def canonical(self, name: str, text: str) -> str | None:
        """The catalogue's spelling of ``text`` as a value of ``name``, or None."""
        wanted = tuple(t for t in normalise_tokens(text) if t not in _PUNCT)
        for value in self.counts.get(name, ()):
            if value.lower() == text.strip().lower():
                return value
        for value in self.counts.get(name, ()):
            if wanted in self._value_surfaces(value):
                return value
        return None

    def _coverage(self, name: str, values: set[str]) -> int:
        counts = self.counts[name]
        return sum(counts[value] for value in values)

    def _evident(self, surface: tuple[str, ...], name: str) -> bool:
        """Whether these words are evidence enough for a value of this field."""
        if len(surface) > 1:
            return not all(t.isdigit() or t in _common_words() for t in surface) or (
                self._strength[(surface, name)] == self._FULL and name not in ("brand",)
            )
        word = surface[0]
        if word.isdigit() or len(word) < 2:
            return False
        strength = self._strength[(surface, name)]
        common = word in _common_words()
        if name == "brand" and strength < self._FULL and _is_word(word):
            return False  # a word of a brand's name ("tech" of "OpenTech®", "blue" of "Blue Star"): "not into tech"
        if name == "brand" or (self.distinct(name) > 150 and name not in self._types):
            # Brands and long-tail fields: a distinctive word that does not describe products.
            return not common and word not in self._descriptive
        if strength < self._FULL:
            return not common
        return True

    def find(self, tokens: list[str]) -> list[Match]:
        """Longest non-overlapping matches of catalogue values in normalised tokens.

        When the same words are values of several fields, the field whose matched values
        cover the most items is kept (then the one with the fewest distinct values):
        constraining too little is safer than too much (run :meth:`correct` first for typos).
        """
        matches: list[Match] = []
        taken = [False] * len(tokens)
        for length in range(min(self.max_len, len(tokens)), 0, -1):
            for start in range(len(tokens) - length + 1):
                if any(taken[start:start + length]):
                    continue
                key = tuple(tokens[start:start + length])
                candidates = self._surfaces.get(key)
                if not candidates:
                    continue
                found = {name: values for name, values in candidates.items() if self._evident(key, name)}
                following = tokens[start + length] if start + length < len(tokens) else ""
                if "brand" in found and length == 1 and _is_word(key[0]) and len(following) > 4 \
                        and following.endswith(("ing", "ion", "ions")) and following not in self._descriptive \
                        and (following,) not in self._surfaces and not _singular(following) in self._descriptive:
                    del found["brand"]  # "noise cancelling/cancellation": a feature's word, not the brand Noise
                preceding = tokens[start - 1] if start > 0 else ""
                if "brand" in found and length == 1 and _is_word(key[0]) and (preceding in _NOISE_WORDS or (
                        len(preceding) > 5 and preceding.endswith("ing") and not preceding.endswith("thing")
                        and preceding not in _NOT_GERUNDS and (preceding,) not in self._surfaces)):
                    del found["brand"]  # stop 56: "clicking noise", "block background noise": the word, not the brand
                if not found:
                    continue
                name = min(found, key=lambda f: (-self._coverage(f, found[f]), self.distinct(f), f))
                matches.append(Match({name: frozenset(found[name])}, start, start + length, " ".join(key)))
                for position in range(start, start + length):
                    taken[position] = True
        return sorted(matches, key=lambda m: m.start)

    def correct(self, tokens: list[str], keep: set[str] | frozenset[str] = frozenset()) -> list[str]:
        """Tokens with typos corrected to the vocabulary's words and split words joined.

        A word that is no value word, no common English word and at least 4 letters long is
        replaced by the value word one edit away (two for 8 letters or more; same first
        letter, same first two for 4-letter words), the one covering most items when several
        are as close. Two words that make a value word together are joined ("one plus").
        Words in ``keep`` (the titles of the items shown) are left as they are.
        """
        out: list[str] = []
        position = 0
        while position < len(tokens):
            token = tokens[position]
            following = tokens[position + 1] if position + 1 < len(tokens) else ""
            if following and token.isalpha() and following.isalpha() and token + following in self._words \
                    and token not in self._words:
                out.append(token + following)
                position += 2
                continue
            split = self._split(token) if token not in keep else None
            if split is not None:
                out.extend(split)  # "trackpants" -> "track pant"
            elif len(token) >= 4 and token.isalpha() and token.isascii() and token not in self._words \
                    and not _is_word(token) and token not in keep:
                out.append(self._closest(token) or token)
            elif len(token) >= 5 and token.isalpha() and token not in self._words and token not in keep \
                    and (undoubled := self._undoubled(token)) is not None:
                out.append(undoubled)  # i12m: "phillips" is the brand Philips, though an English word
            else:
                out.append(token)
            position += 1
        return out

    def _undoubled(self, token: str) -> str | None:
        """The value word ``token`` is with one doubled letter written once ("phillips"), or None."""
        for at in range(1, len(token)):
            if token[at] == token[at - 1]:
                shorter = token[:at] + token[at + 1:]
                if shorter in self._words:
                    return shorter
        return None

    def _split(self, token: str) -> list[str] | None:
        """A word that is two words of a value written together ("trackpants", "sportsshoes"), split; else None."""
        if len(token) < 7 or not token.isalpha() or not token.isascii() or token in self._words or _is_word(token):
            return None
        for cut in range(3, len(token) - 2):
            pair = (_singular(token[:cut]), _singular(token[cut:]))
            if pair in self._surfaces:
                return list(pair)
        return None

    def _closest(self, token: str) -> str | None:
        limit = 1 if len(token) < 8 else 2
        sound = _sound(token)
        best: list[tuple[int, int, str]] = []
        for word in self._by_initial.get(token[0], ()):
            if len(token) == 4 and word[:2] != token[:2] and sorted(word) != sorted(token):
                continue  # four letters: same first two, or the same letters swapped ("bnak")
            distance = min(_edits(token, word, limit), _edits(sound, _sound(word), limit))
            if distance > limit and _vowels_only(token, word):
                distance = limit  # i12g: "sumsang", "lenavo": only the vowels differ
            if distance <= limit:
                best.append((distance, -self._words[word], word))
        return min(best)[2] if best else None


#: The former name of :class:`ValueMatcher`.
Vocabulary = ValueMatcher


@dataclass
class TurnContext:
    """What the understander knows besides the message.

    Attributes:
        pending: The attribute and options of the question asked last turn, if any.
        shown: The items of the last reply, in order (objects with ``id``, ``title`` and
            ``field_value(name)``, such as :class:`~chatrec.catalog.Item`).
        searching: True when a search is under way (wishes in force or items shown).
        current: The wishes in force, field to values.
        last_references: Positions the previous message referenced (for "the other one").
        catalog_currency: The catalogue's currency (ISO code), or None when it has none.
        rates: Exchange rates, units per US dollar.
    """

    pending: tuple[str, list[str]] | None = None
    shown: Sequence[Any] = ()
    searching: bool = False
    current: Mapping[str, Sequence[str]] = field(default_factory=dict)
    last_references: Sequence[int] = ()
    catalog_currency: str | None = None
    rates: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_RATES))


def parse_price(text: str) -> tuple[float | None, float | None, list[tuple[int, int]]]:
    """Find a price range in a message (amounts as said, no conversion).

    Returns:
        ``(min_price, max_price, spans)``: the bounds (None when not said) and the character
        spans of the words that said them (in the text with number words as digits).
    """
    budget, _ = parse_budget(fold(text))
    return budget.low, budget.high, budget.spans


def _narrows(first: Match, second: Match, vocabulary: ValueMatcher) -> bool:
    """Whether ``first`` is a value of a finer field than ``second``'s (a category before its subcategory)."""
    if len(first.values) != 1 or len(second.values) != 1:
        return False
    (one, ones), (other, others) = next(iter(first.values.items())), next(iter(second.values.items()))
    if one == other or vocabulary.distinct(one) <= vocabulary.distinct(other):
        return False
    return any(vocabulary.together((one, x), (other, y)) for x in ones for y in others)


#: Words between a value named first and the dislike said after it ("the samsung ONES I don't like").
_FRONTED_GAP = frozenset({"one", "ones", "i", "we", "he", "she", "they", "my", "our", "really", "just", "do", "does", "did"})
_FRONTED_VERBS = frozenset({"like", "want", "love", "fancy", "need", "suit", "trust"})
_FRONTED_TAIL = frozenset({"them", "it", "those", "these", "at", "all", "much", "really", "very", "so", "either", "thanks", "please"})


def _fronted_dislike(after: list[str]) -> bool:
    """Whether the words after a value turn it down: "the samsung ones I don't like", "redmi ones, we really
    don't want them", "los de Samsung no me gustan" / "die von LG gefallen mir nicht" (read as "the samsung
    one don't like"); not "samsung, I don't like black" nor "the lg one doesn't have hdmi?" (lead, stop 38)."""
    rest = list(after)
    while rest and (rest[0] in _FRONTED_GAP or rest[0] == ","):
        rest.pop(0)
    if len(rest) >= 2 and rest[0] == "not" and rest[1] in _FRONTED_VERBS and len(after) > len(rest):
        tail = rest[2:]  # "ones i do not like"
    elif len(rest) >= 2 and rest[0] in _NEGATED_AUX and rest[1] in _FRONTED_VERBS:
        tail = rest[2:]
    else:
        return False
    for word in tail:
        if word in _PUNCT and word != ",":
            return True
        if word not in _FRONTED_TAIL and word != ",":
            return False  # "I don't like black": the dislike has an object of its own
    return True


def _negation_flags(tokens: list[str], matches: list[Match], types: set[str],
                    words: list[str] | None = None) -> list[bool]:
    """For every token, whether a negation governs it (``words``: the tokens before verbs became "\\0")."""
    words = words or tokens
    flags = [False] * len(tokens)
    at = {m.start: m for m in matches}
    in_match = {p for m in matches for p in range(m.start, m.end)}
    position = 0
    while position < len(tokens):
        token = tokens[position]
        negator = token in _NEGATORS or (
            token == "but" and any(t in _ANY_BUT for t in tokens[max(0, position - 3):position])
        ) or (token == "than" and position > 0 and tokens[position - 1] == "other")
        if not negator:
            position += 1
            continue
        seen_value = seen_content = False
        cursor = position + 1
        while cursor < len(tokens):
            word = tokens[cursor]
            if word in _PUNCT:
                break
            if word in _SCOPE_BREAKS and (seen_value or seen_content):
                break
            match = at.get(cursor)
            if match is not None:
                # "not kids clothes", "no wired mouse": a negated modifier does not negate the
                # product type after it.
                if (seen_value or seen_content) and set(match.values) & types:
                    break
                for inner in range(match.start, match.end):
                    flags[inner] = True
                seen_value = True
                cursor = match.end
                continue
            if word in _NEGATORS or word == "\0":  # "\0": a reference or a verb ("don't want jeans")
                cursor += 1
                continue
            if cursor not in in_match and word not in _FILLERS and word not in _SCOPE_BREAKS:
                flags[cursor] = True
                seen_content = True
            cursor += 1
        position = cursor
    # "iqoo? no thanks", "pink, nope": a value turned down right after it is named.
    for match in matches:
        cursor = match.end
        while cursor < len(tokens) and tokens[cursor] in _PUNCT:
            cursor += 1
        following = tokens[cursor:cursor + 2]
        if cursor > match.end and (following[:1] in (["nope"], ["nah"]) or following in (["no", "thank"], ["no", "way"])):
            for inner in range(match.start, match.end):
                flags[inner] = True
    # "red is not my colour", "black doesn't suit me": the value before a negated copula, unless
    # the clause goes on to name what is not wanted ("she doesn't like pink": "she" is the subject).
    for match in matches:
        after = tokens[match.end:match.end + 3]
        clause_end = next(
            (i for i in range(match.end, len(tokens)) if tokens[i] in _PUNCT or tokens[i] in {"but", "so", "show"}),
            len(tokens),
        )
        object_follows = any(match.end < other.start < clause_end for other in matches)
        if not object_follows and (after[:1] and after[0] in _POST_NEGATORS or (
            len(after) >= 2 and after[0] in _COPULAS and after[1] in _DISLIKED
        ) or _fronted_dislike(words[match.end:])):
            for inner in range(match.start, match.end):
                flags[inner] = True
    return flags


def _references(
    tokens: list[str], context: TurnContext, vocabulary: ValueMatcher, question: bool = False,
    names: frozenset[str] = frozenset(),
) -> tuple[list[ItemReference], set[int]]:
    """Shown items the message points at, and the token positions that pointed."""
    shown = list(context.shown)
    n = len(shown)
    if n == 0:
        return [], set()
    refs: list[ItemReference] = []
    used: set[int] = set()

    def add(position: int, how: str) -> None:
        if 1 <= position <= n and position not in [r.position for r in refs]:
            item = shown[position - 1]
            refs.append(ItemReference(position=position, item_id=str(getattr(item, "id", "")) or None, how=how))

    text = " ".join(tokens)
    for found in re.finditer(r"\b(?:the )?(?:first|top) (two|three|2|3)\b", text):
        count = _NUMBER_WORDS[found.group(1)]
        for p in range(1, count + 1):
            add(p, "position")
        used.update(_span_tokens(tokens, found.span()))
    for found in re.finditer(r"\b(?:the )?last (two|three|2|3)\b", text):
        count = _NUMBER_WORDS[found.group(1)]
        for p in range(n - count + 1, n + 1):
            add(p, "position")
        used.update(_span_tokens(tokens, found.span()))
    for position, token in enumerate(tokens):
        if position in used:
            continue
        before = tokens[position - 1] if position else ""
        after = tokens[position + 1] if position + 1 < len(tokens) else ""
        if token in _ORDINALS and (before in {"the", "and", ",", "or", "vs", "v"} or after in {"one", "item", "option", "pick", "product", "?", "and", "or", ",", "vs"}):
            if before == "at" or after in {"time", "place"}:
                continue
            add(_ORDINALS[token], "position")
            item = shown[_ORDINALS[token] - 1] if _ORDINALS[token] <= n else None
            names_item = item is not None and after in (
                set(normalise_tokens(str(getattr(item, "title", "")))) | _value_tokens(item, vocabulary)
            )
            used.update({position, position + 1} if after == "one" or names_item else {position})
        elif token == "last" and (before in {"the", "", "and", "or", ","} and after in {"one", "item", "option", "?", "pick", "pair", ""}
                                  or before == "the" and after in _last_item_words(shown[-1], vocabulary)):
            # i12m: "the last phone but cheaper": a word of the last item's title or type is "one"
            add(n, "position")
            used.update({position, position + 1})
        elif token in {"middle", "centre", "center"} and before == "the" and n >= 3:
            middles = [(n + 1) // 2] if n % 2 else [n // 2, n // 2 + 1]
            for middle in middles:
                add(middle, "position")
            # i12m: "the middle speaker": a word of the middle item's title or type is "one"
            naming = after in {"one", "ones", "item", "option"} or all(
                after in _last_item_words(shown[m - 1], vocabulary) for m in middles)
            used.update({position, position + 1} if naming else {position})
        elif token in {"number", "no", "option", "item", "#"} and after.isdigit() and len(after) == 1:
            add(int(after), "position")
            used.update({position, position + 1})
    if re.search(r"\bboth\b", text) and n >= 2 and not refs:
        add(1, "position")
        add(2, "position")
    # "the other one": the shown item the shopper did not point at last time.
    if re.search(r"\bthe other (?:one|item|option)\b", text) and not refs:
        others = [p for p in range(1, n + 1) if p not in context.last_references]
        if n == 2 and context.last_references and len(others) == 1:
            add(others[0], "other")
        elif n == 2 and not context.last_references:
            pass  # which one is "the other" is unknown
    # "the blue one", "the Puma ones", "the one from Nike": an attribute or a title word of a shown item;
    # "the black kurta": the product type of every shown item serves as "one".
    kinds = set(type_fields(vocabulary.fields)) | {"category"}
    shared_types = set.intersection(*(
        {t for name in vocabulary.fields if name in kinds
         for t in normalise_tokens(str(item.field_value(name) or ""), camel=True) if len(t) >= 3}
        if hasattr(item, "field_value") else set()
        for item in shown
    ))
    heads = "|".join(["one", "ones", "pair", "model", "version", *sorted(re.escape(w) for w in shared_types)])
    for found in re.finditer(
        rf"\bthe (?:(?:two|three|four|2|3|4) )?(\w+(?: \w+)?) (?:{heads})\b|\bthe one (?:from|by|in|with) (?:the )?(\w+)", text
    ):
        words = (found.group(1) or found.group(2) or "").split()
        # "the two Nike ones": a count says how many items are meant, not which.
        words = [w for w in words if w not in _ORDINALS and w not in _NUMBER_WORDS and w not in {"one", "ones", "other", "last", "same", "cheap", "cheapest", "cheaper", "new", "next", "right", "only"}]
        if not words:
            continue
        hits: list[tuple[int, str]] = []
        for position, item in enumerate(shown, start=1):
            how = _describes(item, words, vocabulary)
            if how:
                hits.append((position, how))
        if hits and len(hits) < n or (hits and n == 1):
            for position, how in hits:
                add(position, how)
            used.update(_span_tokens(tokens, found.span()))
    # "the blue Redmi", "the white Being Human": two words after "the" that together describe
    # some shown items (an attribute and a title word), with no head noun after them.
    if not refs:
        for found in re.finditer(r"\bthe (\w+) (\w+)\b", text):
            words = list(found.groups())
            if any(w in _FILLERS or w in _ORDINALS or w in _NUMBER_WORDS or len(w) < 2 for w in words):
                continue
            described = [p for p, item in enumerate(shown, start=1) if _describes(item, words, vocabulary)]
            if described and len(described) < n:
                for place in described:
                    add(place, "title")
                used.update(_span_tokens(tokens, found.span()))
                break
    # "the Logitech", "compare the LG and the Samsung", "Samsung vs OnePlus?": a word of some
    # shown items' titles (not all), after "the" or in a question about the items.
    common = _common_words()
    item_tokens = [
        set(normalise_tokens(str(getattr(item, "title", "")))) | _value_tokens(item, vocabulary) for item in shown
    ]
    brand_tokens = [
        set(normalise_tokens(str(item.field_value("brand") or ""))) if hasattr(item, "field_value") else set()
        for item in shown
    ]
    if not any(brand_tokens):
        # A catalogue with no brand field: titles open with the brand ("Puma Women Flux ...").
        brand_tokens = [set(normalise_tokens(str(getattr(item, "title", "")))[:1]) for item in shown]
    positional = bool(refs)
    # A capitalised name of two words, common ones included ("Being Human"), in some shown titles.
    titles = [" " + " ".join(normalise_tokens(str(getattr(item, "title", "")))) + " " for item in shown]
    for position in range(len(tokens) - 1):
        pair = tokens[position:position + 2]
        if position in used or not all(word in names for word in pair):
            continue
        hits_at = [p for p, title in enumerate(titles, start=1) if f" {pair[0]} {pair[1]} " in title]
        if hits_at and len(hits_at) < n:
            for hit in hits_at:
                add(hit, "title")
            used.update({position, position + 1})
    for position, token in enumerate(tokens):
        if position in used or token in common or token in _FILLERS or len(token) < 2 or token.isdigit():
            continue
        after_the = position > 0 and tokens[position - 1] == "the" and token not in vocabulary.descriptive
        if after_the and position + 1 < len(tokens) and tokens[position + 1] == "of":
            continue  # "the strap of the first one": a part of an item asked about, not a name
        if not (after_the or (question and not positional)):
            continue
        # After "the" any title word names items; in a bare question a brand or a capitalised name.
        pool = item_tokens if after_the or token in names else brand_tokens
        hits_at = [p for p, words in enumerate(pool, start=1) if token in words]
        if not hits_at or len(hits_at) == n:
            continue
        for hit in hits_at:
            add(hit, "title")
        used.add(position)
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if following and all(following in item_tokens[p - 1] for p in hits_at):
            used.add(position + 1)  # "the Locomotive jeans"
    # "red vs blue, which one?": attribute values on either side of "vs" / "or" in a question.
    if question:
        for found in re.finditer(r"\b(\w+) (?:vs|versus|or) (?:the )?(\w+)\b", text):
            for word in found.groups():
                hits_at = [p for p, item in enumerate(shown, start=1) if word in _value_tokens(item, vocabulary)]
                if hits_at and len(hits_at) < n:
                    for hit in hits_at:
                        add(hit, "attribute")
                    used.update(p for p in _span_tokens(tokens, found.span()) if tokens[p] == word)
    return refs, used


def _price_references(lowered: str, context: TurnContext, vocabulary: ValueMatcher) -> tuple[list[int], list[tuple[int, int]]]:
    """Positions of shown items named by their price ("the cheaper of the two") and the spans that named them."""
    shown = list(context.shown)
    n = len(shown)
    if n < 2 or re.match(r"\W*which\b", lowered):
        return [], []  # "which is the cheapest one?" compares them all
    kinds = set(type_fields(vocabulary.fields)) | {"category"}
    shared = set.intersection(*(
        {t for name in vocabulary.fields if name in kinds
         for t in normalise_tokens(str(item.field_value(name) or ""), camel=True)}
        if hasattr(item, "field_value") else set()
        for item in shown
    ))
    positions: list[int] = []
    spans: list[tuple[int, int]] = []
    for found in _PRICE_REFERENCE.finditer(lowered):
        noun = found.group("noun")
        if noun is not None and (_singular(noun) not in _REFERENCE_NOUNS | shared or _singular(noun) != noun):
            continue  # "the cheaper brand" is no item; "the cheaper ones" asks for cheaper items
        if noun is None and " of " not in found.group(0):
            continue  # "is it the cheapest?": no item named
        count = _NUMBER_WORDS.get(found.group("count") or "", 0)
        if found.group("edge") == "last" and count:
            pool = list(range(n - count + 1, n + 1))
        elif count and (found.group("edge") == "first" or count == n):
            pool = list(range(1, min(count, n) + 1))
        elif count and len(context.last_references) == count:
            pool = list(context.last_references)
        elif count:
            continue  # "the cheaper of the two" among more than two: which two is unknown
        else:
            pool = list(range(1, n + 1))
        found_prices = [getattr(shown[p - 1], "price", None) for p in pool if 1 <= p <= n]
        prices = [float(price) for price in found_prices if price is not None]
        if len(prices) != len(pool):
            continue  # a position past the list, or an item without a price
        cheap = found.group("kind").startswith(("cheap", "least", "less", "low"))
        best = min(prices) if cheap else max(prices)
        chosen = [p for p, price in zip(pool, prices) if price == best]
        if len(chosen) == 1 and chosen[0] not in positions:
            positions.append(chosen[0])
            spans.append(found.span())
    return positions, spans


def _last_item_words(item: Any, vocabulary: ValueMatcher) -> set[str]:
    """Words naming the last shown item after "the last" (its title's words and its values'), i12m."""
    return set(normalise_tokens(str(getattr(item, "title", "")))) | _value_tokens(item, vocabulary)


def _value_tokens(item: Any, vocabulary: ValueMatcher) -> set[str]:
    values: list[str] = []
    for name in vocabulary.fields:
        value = item.field_value(name) if hasattr(item, "field_value") else None
        if value is not None:
            values.extend(value if isinstance(value, tuple) else [str(value)])
    return {t for v in values for t in normalise_tokens(v, camel=True)}


def _describes(item: Any, words: list[str], vocabulary: ValueMatcher) -> str | None:
    """``attribute`` or ``title`` when the words describe this item, else None."""
    values: list[str] = []
    for name in vocabulary.fields:
        value = item.field_value(name) if hasattr(item, "field_value") else None
        if value is None:
            continue
        values.extend(value if isinstance(value, tuple) else [str(value)])
    value_tokens = {t for v in values for t in normalise_tokens(v, camel=True)}
    if all(w in value_tokens for w in words):
        return "attribute"
    title_tokens = set(normalise_tokens(str(getattr(item, "title", ""))))
    # i12aa: the parts of a hyphenated title word ("Neck-Yarn"), values apart ("Pink-Blue" of a pink bag)
    title_tokens |= set(normalise_tokens(str(getattr(item, "title", "")).replace("-", " "))) - vocabulary.value_words
    if all(w in title_tokens or w in value_tokens for w in words):
        return "title"
    return None


def _span_tokens(tokens: list[str], span: tuple[int, int]) -> set[int]:
    # Token positions covered by a character span of " ".join(tokens).
    out, offset = set(), 0
    for position, token in enumerate(tokens):
        if offset < span[1] and span[0] < offset + len(token):
            out.add(position)
        offset += len(token) + 1
    return out


def _field_for(word: str, fields: Sequence[str]) -> str | None:
    word = word.lower()
    if word in _PRICE_FIELD_WORDS:
        return "price"
    aliases = _FIELD_WORDS.get(word, (word,))
    for name in fields:
        if name.lower() in aliases or any(alias in name.lower() for alias in aliases if len(alias) >= 4):
            return name
    return None


# "he plays games", "who drinks lots of tea", "she's into yoga": a clause on the person's tastes
_DESCRIBING = re.compile(
    r"\b(?:he|she|they|who|which|he's|she's|they're|hes|shes)\s+(?:\w+\s+)?(?:likes?|loves?|plays?|enjoys?|into|"
    r"drinks?|watch(?:es)?|reads?|cooks?|listens?|collects?|uses?|goes|does|spends?|practi[sc]es?|trains?|runs?|"
    r"works?|stud(?:y|ies)|adores?|prefers?|bakes?|is a fan|is big on|is crazy about)\b"
)


#: A Chinese message that ends on a question word, written without a question mark ("续航多久", "屏幕多大").
_ASKED_IN_CHINESE = re.compile(r"(?:多久|多长时间|多大|多重|多长|多少钱|多少)\s*$")


def understand(
    message: str,
    vocabulary: ValueMatcher,
    context: TurnContext | None = None,
    *,
    pending: tuple[str, list[str]] | None = None,
    lexicon: Lexicon | None = None,
) -> ShopperRequest:
    """Read one shopper message into a :class:`~chatrec.request.ShopperRequest`.

    Args:
        message: The shopper's words (any language; the lexicon knows Chinese, Spanish, German).
        vocabulary: The catalogue's values.
        context: The question pending, the items shown, the wishes in force, the currency.
        pending: Shorthand for ``context.pending`` when no context is given.
        lexicon: Words to the catalogue's language (default: the packaged lexicon).

    Returns:
        The request: intent, values in the catalogue's spelling, price in the catalogue's
        currency, references to shown items, the shopper's language, the search text.
    """
    context = context or TurnContext(pending=pending)
    lexicon = lexicon or Lexicon.default()
    raw = informal.normalise(message.strip())  # i12g: shorthand, regional words, markup, stories
    raw = foreign_constraints.normalise(raw)  # i12ai: voseo, "pa", "tipo 2 mil", "mi tope es"
    raw = measure_words.metres_in_chinese(raw)  # lead, stop 35: "要2米的" is two metres, no beige (米色)
    raw = english_shoppers.normalise(raw) if detect_language(raw) == "en" else raw  # i12j: British words, hedges
    if detect_language(raw) == "en":  # i12p: "half a lakh", price idioms, "dearer", glued words
        raw = plain_shoppers.normalise(raw, vocabulary, (lexicon or Lexicon.default()).english_words())
        raw = pointing_budgets.normalise(raw)  # i12r: "for two hundred", "size 9 or so", "the left one"
        raw = english_pointing.normalise(raw)  # i12u: "secnd one", "no. 2", "nah the other"
        raw = english_questions.normalise(raw)  # i12x: "no cap", "does it have like bluetooth", "isn't her colour"
        raw = english_amendments.normalise(raw)  # i12aa: "no sorry the JBL", "not below 10k", "customer asks whether"
        raw = world_english.normalise(raw)  # i12ae: "budget no pass 15k", "a few hundred", "the dotty one"
    language = detect_language(raw)
    if language == "zh" and context.shown and _ASKED_IN_CHINESE.search(raw):
        raw += "？"  # stop 67: "续航多久" (how long does it last) asks about the items shown, as "续航多久？" does
    request = ShopperRequest(language=language)
    if not re.search(r"[^\W_]", raw):
        request.intent = "chitchat"  # emoji, punctuation: nothing to read
        return request

    folded = fold(raw)
    # Chinese / Spanish / German spellings the lexicon knows (chatrec.language.normalise_foreign)
    folded = normalise_foreign(folded, language, lexicon, keep=vocabulary.value_words)
    budget, text = parse_budget(folded)
    for start, end in sorted(budget.spans, reverse=True):
        text = text[:start] + " , " + text[end:]
    # "my wife's birthday", "for dad's office": a possessive of a word the lexicon knows is that word.
    known = lexicon.english_words()
    text = re.sub(r"\b([a-z]+)'s\b", lambda found: found.group(1) if found.group(1) in known else found.group(0), text)
    text = lexicon.translate(_fix_lexicon_typos(text, lexicon, language, vocabulary.value_words), language,
                             keep=vocabulary.value_words | vocabulary.value_phrases)
    text = foreign_phrasing.noun_first(text, language, vocabulary.value_phrases)  # i12i: "bocina bluetooth"
    text = _NEGATION_PHRASES.sub(" not ", text)
    text = re.sub(r"\b(?:apart|aside) from\b", " except ", text)
    text = _AT_HOME.sub(" ", text)  # stop 49: "a shirt i can wear at home" names no Home products
    lowered = re.sub(r"\s+", " ", text).strip()
    # "the cheaper of the two" names a shown item; it asks for no cheaper search.
    price_positions, price_spans = _price_references(lowered, context, vocabulary)
    priced = lowered
    for start, end in reversed(price_spans):
        priced = priced[:start] + " " + priced[end:]
    # Single letters ("usb c cable", "type c") carry no value: "usb cable" is matched.
    tokens = [t for t in normalise_tokens(priced) if not (len(t) == 1 and t.isascii() and t.isalpha())]
    raw_tokens = set(tokens)
    titles = {t for item in context.shown for t in normalise_tokens(str(getattr(item, "title", "")))}
    # A short word of a message in another language is a word of that language, no English typo
    # ("boda" is a wedding, not "body"; "casa" is no "case").
    foreign = {t for t in tokens if len(t) <= 4} if language in ("es", "de") else set()
    tokens = vocabulary.correct(tokens, keep=titles | _GREETING_WORDS | foreign)
    tokens = _ones_as_products(tokens, vocabulary, context)
    tokens = _for_my_as_compound(tokens, vocabulary)

    if not budget.empty:
        request.price = _price(budget.low, budget.high, budget.currency, context)
    if request.price is None:
        not_cheap = re.search(r"\b(?:not|aren'?t|isn'?t|is not|are not|nothing) (?:too |so |very |that )?cheap(?:ly made)?\b"
                              r"(?! (?:one|ones|enough))", priced)  # "earbuds that are not cheap": no budget ones
        if _CHEAPER.search(priced) and not re.search(r"\btoo cheap\b", priced) and not not_cheap:
            request.relative_price = "cheaper"
        elif not_cheap and not _CHEAPER.search(re.sub(r"\bcheap\b", "", priced)):
            request.relative_price = "pricier"
        elif _PRICIER.search(priced) and not re.search(
                r"\b(?:not|aren'?t|isn'?t|is not|are not|nothing|never|without being) (?:too |so |very |that |overly )?"
                r"(?:expensive|pricey|pricy|costly|dear)\b", priced):
            request.relative_price = "pricier"

    # Answers to the question asked last turn.
    if context.pending is not None:
        attribute, options = context.pending
        exact = next((o for o in options if fold(o) == folded.strip(" .!")), None)
        if exact is not None:
            request.include = {attribute: [exact]}
            request.answered, request.intent, request.query = attribute, "answer", exact
            return request
        if _NO_PREFERENCE.search(lowered):
            request.answered, request.intent = attribute, "answer"
            return request
        ordinal = re.fullmatch(r"\W*(?:the )?(\w+)(?: one| option)?\W*(?:please)?\W*", lowered)
        if ordinal and ordinal.group(1) in _ORDINALS and not context.shown:
            position = _ORDINALS[ordinal.group(1)]  # "the second one" picks the second quick reply
            if position <= len(options):
                request.include = {attribute: [options[position - 1]]}
                request.answered, request.intent, request.query = attribute, "answer", options[position - 1]
                return request

    # "what about puma watches?" asks for them, not about the shown Puma watch
    question = bool(_QUESTION.search(lowered) or _COMPARE.search(lowered)) and not _WHAT_ABOUT.match(lowered)
    names = frozenset(
        t for word in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w-]+", raw) for t in normalise_tokens(word)
    )
    refs, ref_tokens = _references(tokens, context, vocabulary, question, names)
    for position in price_positions:
        if position not in [ref.position for ref in refs]:
            item = context.shown[position - 1]
            refs.append(ItemReference(position=position, item_id=str(getattr(item, "id", "")) or None, how="attribute"))
    # The word after "doesn't", "don't", "won't" is a verb ("green doesn't suit me"), no value.
    # i12j: so is the word after a modal ("would suit", "will fit")
    verbs = {i for i in range(1, len(tokens)) if tokens[i - 1] in _NEGATED_AUX or (
        tokens[i - 1] in _MODALS and tokens[i] not in _NEGATORS and tokens[i] not in _FILLERS)}
    # stop 51: so is the word after "I", "we", "he", "she", "they" ("a thing that holds my phone while I drive": no drives)
    subject_verbs = {w for found in _AFTER_SUBJECT.finditer(priced) for w in normalise_tokens(found.group(1))
                     if language == "en"} - _NEGATED_AUX - _NEGATORS - _MODALS - _AUXILIARIES
    verbs |= {i for i, t in enumerate(tokens) if t in subject_verbs and tokens.count(t) == 1}
    matchable = [t if i not in ref_tokens and i not in verbs else "\0" for i, t in enumerate(tokens)]
    matches = vocabulary.find(matchable)
    types = set(type_fields(vocabulary.fields)) | {"category"}
    flags = _negation_flags(matchable, matches, types, tokens)
    include: dict[str, set[str]] = {}
    exclude: dict[str, set[str]] = {}
    # "a case for my phone", "a mouse for my laptop": the product after "for my" is what the
    # wanted one goes with, not a second wish, when the message names another product type.
    typed = [m for m in matches if set(m.values) & types]
    # The same when the wanted product is an accessory noun the catalogue has no value for ("a cable
    # for my phone", "a strap for my watch"): no product type rather than the one it goes with.
    accessory = accessory_words()
    # "for a samsung tv": a brand right before the product it goes with belongs to that product
    brand_starts = {m.end: m.start for m in matches if "brand" in m.values}
    owned = {
        id(m) for m in typed
        if (len(typed) > 1 or any(t in accessory for t in matchable[:m.start])) and " ".join(
            matchable[max(0, brand_starts.get(m.start, m.start) - 3):brand_starts.get(m.start, m.start)]).endswith(
            ("for my", "for the", "for your", "for his", "for her", "compatible with", "with my", "to my", "for",
             "for an", "for our")  # "for a", "for an": single letters are gone from the tokens
        )
    }
    # "a remote for my fire tv stick": one word may stand between "for my" and the product it goes with
    owned |= {
        id(m) for m in typed[1:]
        if re.search(r"(?:^| )(?:for|compatible with|with|to)(?: (?:my|the|your|his|her|an|our))?"
                     r"(?: (?!(?:and|or|also|plus)\b)[a-z]+){1,2}$", " ".join(matchable[max(0, m.start - 6):m.start]))
    }
    # "a keyboard for my kid's school laptop" (lead, stop 35): after a possessive, words saying whose device
    # and which one
    owned |= {
        id(m) for m in typed[1:]
        if re.search(r"(?:^| )for (?:my|your|his|her|our|their)"
                     r"(?: (?!(?:and|or|also|plus|but|that|which|who|because|so|when|if|then|in|on|at|with|to|for|of)\b)"
                     r"[a-z]+){1,4}$", " ".join(matchable[max(0, m.start - 8):m.start]))
    }
    # "a charger for iphone", "a case for my samsung": a brand after "for" once the product was
    # named is what the product goes with, not its maker (the search text keeps the word)
    owned |= {
        id(m) for m in matches
        if "brand" in m.values and len(m.values) == 1 and typed and typed[0].end <= m.start and re.search(
            r"(?:^| )(?:for|compatible with|works? with|fits?)(?: (?:my|the|your|his|her|an|our))?$",
            " ".join(matchable[max(0, m.start - 3):m.start]))
    }
    # "a remote for a samsung tv": the brand right before what it goes with is that product's brand
    starts = {m.start for m in matches if id(m) in owned}
    owned |= {id(m) for m in matches if "brand" in m.values and m.end in starts}
    # "a phone with a good camera", "a laptop with a big screen": a product type named after "with"
    # (or "that has") once a product was named is a feature of it, no second wish.
    owned |= {
        id(m) for m in typed[1:]
        if typed[0].end <= m.start and re.search(r"\b(?:with|has|having|got)\b", " ".join(matchable[typed[0].end:m.start]))
    }
    # stop 54: "a phone that can replace my laptop", "a new tv instead of my old projector": the product named as
    # what the wanted one replaces is the one the shopper has
    owned |= {
        id(m) for m in typed[1:]
        if re.search(r"(?:^| )(?:replace|replaces|replacing|instead of|rather than|better than|upgrade from|"
                     r"upgrading from|switch from|switching from|swap|trade in)"
                     r"(?: (?:my|the|your|his|her|our|their|old|current|existing|present|broken|dead|aging|ageing))*$",
                     " ".join(matchable[max(0, m.start - 6):m.start]))
    }
    owned |= _features_of_current(matchable, typed, context, vocabulary, types, raw)
    owned |= owned_devices(matchable, [m for m in typed if id(m) not in owned], matches, context.current, types, accessory)
    matches = [m for m in matches if id(m) not in owned]
    # stop 51: "a washing machine" where "machine" heads only coffee and sewing machines: another product
    matches = [m for m in matches if not (
        m.end - m.start == 1 and m.start > 0 and set(m.values) <= types and compound_products.other_product(
            matchable[m.start - 1], matchable[m.start], [v for values in m.values.values() for v in values]))]
    # "flat sandals", "denim jacket": a one-word product type right before another product type
    # describes it; the head noun is the product. A finer type of another field before a coarser
    # one narrows it instead ("in-ear earbuds": the In-Ear category of the earbuds subcategory).
    modifiers = {
        id(first) for first, second in zip(matches, matches[1:])
        if first.end == second.start and first.end - first.start == 1
        and set(first.values) & types and set(second.values) & types and first.values != second.values
        and not _narrows(first, second, vocabulary)
    }
    matches = [m for m in matches if id(m) not in modifiers]
    # "headphones for my son, he plays games", "a kettle for mum, who drinks lots of tea": a
    # clause describing the person says what they like, not a second product to filter by.
    clause = _DESCRIBING.search(folded)
    if clause is not None:
        before, after = set(normalise_tokens(folded[:clause.start()])), set(normalise_tokens(folded[clause.start():]))
        described = [m for m in matches if set(m.values) & types
                     and set(m.surface.split()) <= after and not set(m.surface.split()) <= before]
        if len(described) < len([m for m in matches if set(m.values) & types]):
            matches = [m for m in matches if m not in described]
    # "laptop bag", "watch strap", "phone stand": English puts the product last; a product type
    # right before an accessory noun the catalogue has no value for says what it is for.
    matched = {p for m in matches for p in range(m.start, m.end)}
    matches = [
        m for m in matches
        if not (set(m.values) & types and m.end < len(matchable) and m.end not in matched
                and matchable[m.end] in accessory)
    ]
    # stop 54: "a big fan of sony" likes Sony, and wants no ceiling fan
    matches = [m for m in matches if not (matchable[m.start:m.end] in (["fan"], ["fans"])
                                          and m.end < len(matchable) and matchable[m.end] == "of")]
    for match in matches:
        target = exclude if flags[match.start] else include
        for name, values in match.values.items():
            target.setdefault(name, set()).update(values)
    refused_kind = kind_words.refuses_kind(message)
    for name, unwanted in exclude.items():
        if name in include:
            if refused_kind and name in types and include[name] & unwanted:
                # stop 49: "shoes, not sneakers": sneakers read as the Shoes the shopper asked for; the turn
                # refuses the kind's own types (sports and casual shoes: gaps_round10.refused_kind), shoes stay
                continue
            include[name] -= unwanted
            if not include[name]:
                del include[name]
    in_match = {p for m in matches for p in range(m.start, m.end)}
    given_up = _given_up_words(message)
    behaviour = behaviour_positions(tokens)  # lead: "that won't fall out" keeps no "out" out
    avoid = [
        t for i, t in enumerate(matchable)
        if flags[i] and i not in in_match and i not in behaviour and t not in _PUNCT and t not in _FILLERS and len(t) > 2
        and not re.search(r"[\u3400-\u9fff]", t)
        and t not in {"kid", "adult", "clothe", "clothing", "thing", "colour", "color",
                      "either", "too", "also", "anymore",  # lead: "no sneakers either" keeps no "either" out
                      # stop 45: "not really my style", "not exactly my cup of tea": nothing to keep out of names
                      "style", "taste", "vibe", "thing", "cup", "tea", "exactly", "quite", "really", "totally",
                      "know", "sure", "idea", "decide", "decided", "certain", "clue",  # "i don't know what i want"
                      # stop 52: "ninguno me convence" (none convinces me) kept "convence" out of names
                      "convence", "convencen", "gusta", "gustan", "encanta", "encantan", "mola", "molan",
                      "gefallt", "gefallen", "uberzeugt", "uberzeugen",
                      "fit", "fits"}  # stop 54: "not slim fit" kept "Regular Fit" out too
        and t not in _DEGREE  # lead: "que no sean muy grandes" keeps no "muy" out
        and t not in _PRONOUNS  # "no sandals, I don't want them": no word to keep out of names
        and t not in _PRICE_WORDS  # "not too expensive" is a price wish, read as one
        and t not in given_up  # "never mind the blue" gives the wish up, keeps nothing out
    ]
    request.include = {k: sorted(v) for k, v in include.items() if v}
    request.exclude = {k: sorted(v) for k, v in exclude.items() if v}
    # A product word of the shopper's language the lexicon lacks, by the multilingual encoder.
    # stop 52: not for a message that matched a value while a product is in force ("eher sportlich" of watches is
    # a sporty watch, not the type the encoder finds nearest, "Sporting Goods")
    styled = bool(request.include) and any(context.current.get(name) for name in types)
    if language in ("zh", "es", "de") and not refs and not (set(request.include) | set(request.exclude)) & types \
            and not styled:
        named = foreign_product_type(lowered, language, vocabulary, lexicon)
        if named is not None:
            request.include[named[0]] = [named[1]]
    request.avoid_words = avoid
    request.references = refs
    request.query = " ".join(
        t for i, t in enumerate(matchable)
        if not flags[i] and i not in ref_tokens and t not in _PUNCT and t not in _FILLERS and t not in _NEGATORS
        and t != "\0" and not re.search(r"[\u3400-\u9fff]", t)
        and not (language in ("es", "de") and t in _FOREIGN_FILLERS)
        # stop 45: "only cotton" searched "only" and showed the brand ONLY "as asked"; "dresses from ONLY" keeps it
        and not (t == "only" and (i == 0 or matchable[i - 1] not in ("from", "by", "brand")))
    )
    # "type c", "usb c": the single letter matches no value but the shopper needs it searched
    ports = [re.sub(r"[\s-]+", " ", p.group(0)) for p in _PORT.finditer(lowered)]
    if ports:
        words = [w for w in request.query.split() if w not in {"type", "usb"}]
        request.query = " ".join([*words, *(p for p in dict.fromkeys(ports) if p not in words)])
    unlisted_given_up = False  # stop 41: "size doesn't matter" where the shop lists no sizes
    for found in _DROP_FIELD.finditer(lowered):
        word = next((g for g in found.groups() if g), "")
        dropped = _field_for(word, vocabulary.fields)
        if dropped and dropped not in request.include and dropped not in request.drop:
            request.drop.append(dropped)
        unlisted_given_up |= dropped is None and word in _FIELD_WORDS and found.group("b") is not None
    request.show_now = bool(_SHOW_NOW.search(lowered))

    if context.pending is not None:
        attribute = context.pending[0]
        if attribute in request.include:
            request.answered = attribute
        elif not request.include and not request.exclude and not request.price \
                and (picked := _option_by_word(matchable, context.pending[1])) is not None:
            request.include[attribute] = [picked]  # "something for the kitchen" -> "Kitchen & home appliances"
            request.answered = attribute
        elif _NONE_OF_THESE.search(lowered) and not request.include and not request.exclude.get(attribute):
            # "other colour, not black" leaves out black only: the shopper named what to leave out
            request.exclude.setdefault(attribute, [])
            request.exclude[attribute] = sorted(set(request.exclude[attribute]) | set(context.pending[1]))
            request.answered = attribute
    _age_audience(request, raw, vocabulary, context)
    exact_matches = any(all(t in raw_tokens for t in m.surface.split()) for m in matches)
    request.intent = _intent(request, lowered, matchable, context, exact_matches, types,  # type: ignore[assignment]
                             interest=interest_in(raw) is not None)  # stop 45: "he loves football"
    if unlisted_given_up and context.searching and request.intent in ("refine", "recommend", "chitchat") \
            and not request.include and not request.exclude and not request.price and not request.drop:
        # "no wait, size doesn't matter" of a wish the shop could not apply: nothing changes, the same items again
        request.intent, request.show_now, request.query = "show_again", True, ""
    if _ROLE_MARKUP.search(raw.lower()):
        request.intent = "off_topic"  # chat-template markup: an attempt to inject instructions
    if request.intent in ("recommend", "refine") and _ALSO.search(lowered):
        _keep_current_type(request, vocabulary, context, types)
    if request.intent == "show_again":
        request.references = []
    if request.intent == "start_over":
        # "forget the router, let's start over": the wishes named to be dropped are no new wishes
        request.include = {
            name: kept for name, values in request.include.items()
            if (kept := [v for v in values if v not in context.current.get(name, ())])
        }
        # stop 49: the words that say so are nothing to search ("start over" searched "start over" and asked
        # "Kitchen & home appliances, Heating, cooling & air quality, ...?")
        said = {t for found in _RESET.finditer(lowered) for t in normalise_tokens(found.group(0))} | _RESET_FILLERS
        request.query = " ".join(t for t in request.query.split() if t not in said)
    if request.intent in ("ask_about_item", "compare", "off_topic", "chitchat"):
        # The values of a question describe what is asked about, not a new wish.
        request.include, request.exclude, request.price, request.relative_price = {}, {}, None, None
        request.avoid_words = []
    if request.intent in ("ask_about_item", "compare", "off_topic", "chitchat", "start_over"):
        request.show_now = False
    elif request.intent == "refine" and context.shown:
        request.show_now = True  # a reaction to items shown wants the items updated, not a question
    if request.intent in ("ask_about_item", "compare") and not request.references and context.shown:
        if re.search(r"\b(these|those|them|they|all|both)\b", lowered) or request.intent == "compare":
            request.references = [
                ItemReference(position=p, item_id=str(getattr(i, "id", "")) or None, how="all")
                for p, i in enumerate(context.shown, start=1)
            ][: 2 if re.search(r"\bboth\b", lowered) else None]
        elif len(context.shown) == 1:
            item = context.shown[0]
            request.references = [ItemReference(position=1, item_id=str(getattr(item, "id", "")) or None, how="all")]
    if request.intent == "more_like" and not request.references and context.shown:
        request.references = [
            ItemReference(position=p, item_id=str(getattr(i, "id", "")) or None, how="all")
            for p, i in enumerate(context.shown, start=1)
        ]
    foreign_phrasing.other_brand(request, lowered, list(context.shown))  # i12i: "but another brand"
    foreign_phrasing.unknown_product_wish(request, lowered)  # i12i: "买个吹风机"
    request = regional_wording.adjust(request, raw, context, vocabulary)  # i12n: insults, "随便，都行", "有没有三星的"
    request = foreign_shoppers.adjust(request, raw, context, lexicon)  # i12q: "小米那台" names the Mi one shown
    request = informal.adjust(request, raw, context)  # i12g: informal wording the rules above miss
    request = english_shoppers.adjust(request, raw, context, vocabulary)  # i12j: ordinary English shoppers
    request = mixed_turns.adjust(  # i12l: mixed, comparing, ironic and attacked turns
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = everyday_english.adjust(  # i12m: preambles, tool output, support questions, insults, "it"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = plain_shoppers.adjust(  # i12p: liking none, "the green dotty one", role play, goodbyes
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = pointing_budgets.adjust(  # i12r: "the one I asked about", "similar bags?", "higher end"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = foreign_pointing.adjust(  # i12t: "你是哪个公司开发的", "¿cuál es más grande?", "die grüne Tasche"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = english_pointing.adjust(  # i12u: "the one for 13,999", "anything like it?", "can I return it"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = foreign_reading.adjust(  # i12w: "可以退吗", "除了第一个 其他几个", "aquellos verdes", "这款怎么样"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = english_questions.adjust(  # i12x: "dont like the puma", "the noise one does it have calling"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = english_amendments.adjust(  # i12aa: "remove the LG", "do you sell cars", "a kettle" not the set
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = type_words.adjust(request, raw, context, vocabulary)  # i12ac: "a wall mount for the tv", "a cable ... micro usb"
    request = world_english.adjust(  # i12ae: markup in a wish, "scrap the budget", "you absolute muppet", "not the redmi"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = colour_families.adjust(request, raw, context, vocabulary)  # lead: "something dark", "lieber hell", "要浅色的"
    request = foreign_replies.adjust(request, raw, context)  # i12z: "第三个防水不", "das dritte eher nicht", "大家好"
    request = foreign_wishes.adjust(  # i12ad: "电水壶 包邮吗", "el de Dell no, gracias", "Mi o Ambrane", "键鼠套装"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = indian_english.adjust(  # i12aj: "500-600 mein kuch hai kya", "hi beta", "the lg one details pls"
        request, message, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = problem_words.adjust(  # i12aj: "my phone dies by lunch" is a power bank
        request, raw, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = attack_reading.adjust(  # i12ah: attacks round a request, others' orders, coupons, "哪个带麦"
        request, raw, context, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = foreign_constraints.adjust(  # i12ai: "不要红米的，换一批", "它有黑色的吗", "LG那台和小米那台比一下"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = several_wishes.adjust(  # i12am: "blue, no wait, navy", "除了第一个 哪个好", "odio el rosa", "a kettle"
        request, message, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = gaps_round6.adjust(request, raw, context, vocabulary)  # i12al: "una funda para el mando de la tele", "first vs last"
    request = gaps_round7.adjust(request, message, context, vocabulary)  # i12aq: "como mucho 9 mil", "最多九千"
    request = gaps_round8.adjust(  # i12aw: "she wore red at her wedding" is a story, no wish
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set50_classes.adjust(  # i12ao: "红色的不要喔", "nen Hunni max", "zeig mir nochmal die Noise", "venden bicicletas?"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set52_classes.adjust(  # i12at: "TCL都唔要", "一百美金以内", "最便宜嗰部介绍下", "que no sea MI ni OnePlus"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set49_classes.adjust(  # i12an: "blue tooth", "a xerox", "this bot is trash", "the two wranglers"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set51_classes.adjust(  # i12as: "blue tooth spears", "slops", "max 3-4k", "not the gaming ones"
        request, message, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = disliked_brand.adjust(  # lead: "she already has a samsung, doesnt like it"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set54_classes.adjust(  # i12ay: "budget 大概两百", "紫的粉的都不要", "lg no gracias", "nix über 50"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = subkind_negation.adjust(request, raw, context, vocabulary)  # lead: "no fitness band" on smartwatches
    request = case_for_device.adjust(request, raw, context, vocabulary)  # lead: "and a case for it?" after phones
    request = colour_variant.adjust(request, raw, context, vocabulary)  # lead: "and in white?" with no colour field
    request = goes_with.adjust(request, message, context, vocabulary)  # lead: "anything to go with it?", "配什么鞋"
    request = hobbies.adjust(request, message, context, vocabulary, lambda part: understand(  # lead: "she likes
        part, vocabulary, context, lexicon=lexicon))  # listening to music", "他爱打游戏"; "loves films" is no camera Film
    request = batch14_fixes.adjust(  # i12ba: "das WLAN geht nicht", "正装的", "算了还是黑色吧", "bigger ones, 43"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set53_classes.adjust(  # i12ax: "blew jeans", "I'm off pink", "my 8 yr old", "8gb/128gb", "the pricey one"
        request, message, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = gaps_round9.adjust(  # i12bb: "Fernseher 43 bis 50 Zoll", "a phone case", "ohne Absatz", "128G内存"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set55_classes.adjust(  # i12bc: "wireless moose", "under 5oo", "the one with the most reviews", "pa-load po"
        request, message, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set56_classes.adjust(  # i12bd: "別再給我看黑色的了", "pa mujé", "20 Tacken", "iPhone 16 咩时候出"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = batch15_fixes.adjust(  # i12bf: "any colour but nike", "mi iphone", "need a charger"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = gaps_round10.adjust(  # i12bg: "ninguna zapatilla tampoco", "不要手环", "my wifi is slow in the bedroom"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = gaps_round11.adjust(  # i12bk: "nothing huge", "the wifi thing", "jeens fur herren"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set57_classes.adjust(  # i12bh: "nuh more than 10k", "under a ton", "anyway whats the capital of peru"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = gaps_round12.adjust(  # i12bm: "show me the third in black" with nothing shown
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = degree_words.adjust(  # lead: "nothing too short", "not too long"; stop 45: cuts of clothes
        request, raw, clothing="gender" in vocabulary.fields)
    request = set58_classes.adjust(  # i12bi: "a Wasserkocherle hald", "电竟键盘", "entre treinta y cincuenta", "驱动装不上"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set61_classes.adjust(  # i12bo: "呢個幾錢", "红颜色伐要", "Kriag i a Sackerl dazu?", "no me muestre tacones"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set60_classes.adjust(  # i12bn: "blackjeens", "a pony max", "got cheaper one?", "who won yesterday"
        request, message, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = set63_classes.adjust(  # i12da: "blau nich", "两张毛爷爷", "polos blancos no", "30 pavos", "孙女"
        request, message, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = xfails_round3.adjust(  # i12bq: "I have a samsung tv and lost the remote", "not the 2 in 1 ones"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = recurring_classes.adjust(  # i12bs: "粉色的我不喜欢", "三百以上的不要", "wie verbinde ich ..."
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = gaps_round13.adjust(  # i12br: "da igual el color", "now a TV" after "phone under 15000"
        request, raw, context, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = other_items.adjust(request, raw, context, lexicon, vocabulary.value_words)  # lead, stop 38: "quiero ver otras", "gibt es noch andere?"
    request = avoid_words.adjust(request, raw)  # lead, stop 35: "nicht von Mi", "not tech savvy", "no android stuff"
    request = plural_refusals.adjust(  # stop 52: "no me gustan las negras" turns black down, not one item shown
        request, raw, vocabulary, lambda part: understand(part, vocabulary, context, lexicon=lexicon))
    request = world_english.too_dear_abroad(request, raw, context)  # stop 52: "der erste ist zu teuer, was Günstigeres?"
    request = too_verdicts.adjust(request, raw, vocabulary)  # stop 52: "that's too flashy" keeps flashy away
    request = part_wishes.adjust(request, raw, context, vocabulary)  # stop 52: "any with a backlit keyboard?" after laptops
    request = brand_preference.adjust(request, raw, vocabulary)  # stop 55: "i prefer boat over jbl"
    request = occasion_wishes.adjust(request, raw)  # stop 55: "面试穿的衣服" is a wish, no greeting
    request = owned_piece.adjust(request, raw, vocabulary, lambda part: understand(  # stop 55: "a shirt that goes
        part, vocabulary, TurnContext(catalog_currency=context.catalog_currency), lexicon=lexicon))  # with navy trousers"
    request = use_wishes.portable(request, raw, vocabulary)  # stop 56: "a speaker i can take to the beach"
    request = kind_colours.with_kept_colour(request, raw, context.current)  # stop 57: "a belt in the same colour"
    request = use_wishes.needs(request, raw, vocabulary)  # stop 56: "something warm for my son", "暖和的衣服"
    request = connect_questions.as_question(request, raw, context)  # lead: "can I pair it with my laptop"
    request = item_details.adjust(request, raw)  # stop 57: "mehr Infos zum ersten", "第一个的详细信息"
    return offtopic_model.adjust(request, message, context)  # i12bl: "whats a good name for a puppy", "红烧肉怎么做"


#: Stop 56: words before a common word that make it that word, not a make spelt so ("background noise", "block
#: noise", "less noise": not the brand Noise); an "-ing" word does too ("clicking noise", "annoying noise").
_NOISE_WORDS = frozenset("background ambient outside traffic wind street surrounding external less much loud low zero "
                         "little block blocks reduce reduces cut cuts cancel cancels isolate isolates make makes".split())
#: "-ing" words that describe no sound or thing done ("anything philips" of "都行 飞利浦的" is the make).
_NOT_GERUNDS = frozenset("during morning evening ceiling wedding clothing building string spring".split())


#: Words of degree, never a word of a name to keep out ("not too big", "que no sean muy grandes", "nicht allzu teuer").
_DEGREE = frozenset("very really overly extremely quite muy tan demasiado demasiada demasiados demasiadas sehr allzu".split())


def _ones_as_products(tokens: list[str], vocabulary: ValueMatcher, context: TurnContext) -> list[str]:
    """"not sports shoes, casual ones": "ones" stands for the product noun said before or searched.

    "casual ones" becomes "casual shoe" when "casual shoe" is a product type of the catalogue and
    "shoe" was said in the message or is the current product type. "the blue one" (after a
    determiner) points at a shown item and is left alone. A negated modifier closing a clause
    takes the noun too: "black shoes, not sports" turns down sports shoes.
    """
    types = frozenset(type_fields(vocabulary.fields)) | {"category"}
    heads = [t for t in tokens if t.isalpha() and vocabulary.names_value([t], types)]
    for name, values in context.current.items():
        if name in types:
            heads += [normalise_tokens(str(v), camel=True)[-1] for v in values if str(v).strip()]
    if not heads:
        return tokens
    out = list(tokens)
    for i in range(1, len(out)):
        before = out[i - 2] if i >= 2 else ""
        if out[i] != "one" or before in {"the", "this", "that", "these", "those", "which"} or out[i - 1] in _FILLERS:
            continue
        head = next((h for h in heads if vocabulary.names_value([out[i - 1], h], types)), None)
        if head is not None:
            out[i] = head
    for i in range(len(out) - 1, 0, -1):
        closes = i + 1 == len(out) or out[i + 1] in _PUNCT
        if not closes or out[i - 1] not in {"not", "no"} or vocabulary.names_value([out[i]], types):
            continue
        head = next((h for h in heads if vocabulary.names_value([out[i], h], types)), None)
        if head is not None:
            out.insert(i + 1, head)
    return out


_FEATURE_MARKERS = frozenset({"with", "has", "have", "having", "got", "whose", "one", "ones", "con", "mit"})
_QUALITY_WORDS = frozenset({
    "better", "best", "good", "great", "nice", "decent", "excellent", "big", "bigger", "biggest", "large", "larger",
    "largest", "long", "longer", "longest", "more", "high", "higher", "strong", "stronger", "powerful", "small",
    "smaller", "loud", "louder", "bright", "brighter", "top", "amazing", "awesome",
})


#: Products that are also a part of another ("a watch with a leather belt"): said "with" them of a product wished,
#: or as "要皮带的" ("the one with a leather strap"), they name a part of it (stop 50).
_PART_WORDS = frozenset({"strap", "band", "bracelet", "belt", "chain", "lace", "hood", "buckle"})
#: Stop 57: a question on what the shop has ("do you have laptops?", "have you got anything in leather?", "do u sell
#: belts?"), not on the items in hand ("do you have it in blue?" names them).
_SHOP_HAS = re.compile(r"\W*(?:(?:and|so|ok(?:ay)?|also|then|hi|hey|hello)\W+)*(?:do|does|d'?|can|could) ?(?:you|u|ya|y'?all|"
                       r"the shop|this shop|your shop|you guys) (?:also |even |still |by any chance )?(?:have|sell|carry|stock|"
                       r"get|got|offer)\b|\W*(?:have|has) (?:you|u) (?:also |even )?got\b")
#: Stop 57: "do you have", "have you got", "u got": the shopper asks what the shop has, no part of the items in hand.
_ASKS_THE_SHOP = re.compile(r"\b(?:you|u|ya|y'?all)\s+(?:have|got)\b|\bhave\s+(?:you|u)\s+got\b")
_ONE_WITH_ZH = re.compile(r"的\s*[。！!？?~]*\s*$")
_ANOTHER_PRODUCT = frozenset({"also", "too", "now", "instead", "plus", "another", "additionally"})
_FEATURE_SYNONYMS = {"screen": ("display",), "display": ("screen",), "photo": ("camera",), "picture": ("camera",),
                     "sound": ("speaker", "audio"), "speaker": ("sound",)}


def asks_the_shop(message: str) -> bool:
    """Stop 57: whether the message asks what the shop has ("do you have laptops?", "have you got belts?"), which
    says nothing of a device the shopper has."""
    return bool(_SHOP_HAS.match(message.lower()))


def _features_of_current(
    tokens: Sequence[str], typed: Sequence[Match], context: TurnContext, vocabulary: ValueMatcher, types: set[str],
    text: str,
) -> set[int]:
    """"one with a better camera" / "我要电池大的" during a phone search: a product type the
    products wished now keep mentioning (camera in 84% of the smartphones) is a feature of them,
    said with a quality word or after "with", not a new product (ids of such matches)."""
    current = [(name, value) for name, values in context.current.items() if name in types for value in values]
    if not current or len(typed) != 1:
        return set()
    match = typed[0]
    if any(value in match.values.get(name, ()) for name, value in current):
        return set()
    near = set(tokens[max(0, match.start - 4):match.start]) | set(tokens[match.end:match.end + 2])
    if _ASKS_THE_SHOP.search(" ".join(tokens[max(0, match.start - 4):match.start])):
        near -= {"have", "got"}  # stop 57: "do you have belts?" of jeans asks the shop for belts, no jeans' belt
    if set(tokens) & _ANOTHER_PRODUCT:
        return set()
    # stop 50: "one with a metal bracelet", "mit Lederarmband", "要皮带的" of watches: the strap, no bracelets or belts
    if set(match.surface.split()) <= _PART_WORDS and (near & _FEATURE_MARKERS or _ONE_WITH_ZH.search(text)):
        return {id(match)}
    if not near & (_FEATURE_MARKERS | _QUALITY_WORDS):
        return set()
    # the shopper's word, or (a word in another language: "Kamera") the head word of the value it matched
    heads = [normalise_tokens(value, camel=True)[-1:] for values in match.values.values() for value in values]
    for words in ([w for w in match.surface.split() if w.isalpha()], *heads):
        said = [w for word in words for w in (word, *_FEATURE_SYNONYMS.get(word, ()))]
        if words and max(vocabulary.mentioned_by(name, value, w) for name, value in current for w in said) >= 0.5:
            return {id(match)}
    return set()


def _age_audience(request: ShopperRequest, raw: str, vocabulary: ValueMatcher, context: TurnContext) -> None:
    """"my 25 year old daughter" shops in Women, "he is 8" (after "for my son") in Boys (:mod:`chatrec.ages`)."""
    from chatrec.ages import audience_for_age

    for name in audience_fields(vocabulary.fields):
        wished = list(request.include.get(name) or context.current.get(name) or ())
        values = audience_for_age(raw, wished, vocabulary.counts.get(name, ()))
        if values is not None:
            request.include[name] = values


def _for_my_as_compound(tokens: list[str], vocabulary: ValueMatcher) -> list[str]:
    """"a charger for my laptop" is a laptop charger when the catalogue has that product type."""
    types = frozenset(type_fields(vocabulary.fields)) | {"category"}
    out = list(tokens)
    for i in range(len(out) - 3, 0, -1):
        if out[i] == "for" and out[i + 1] in {"my", "the", "a", "an", "your", "his", "her", "our"} \
                and vocabulary.names_value([out[i + 2], out[i - 1]], types):
            out[i - 1:i + 3] = [out[i + 2], out[i - 1]]
    return out


def _keep_current_type(
    request: ShopperRequest, vocabulary: ValueMatcher, context: TurnContext, types: set[str]
) -> None:
    """"and also a belt" during a jeans search: the new product type joins the current one.

    A new product type replaces the current one, unless the shopper adds it ("also", "and
    ..."): then the new type is written in the field of the current type when the
    catalogue has it there, so both are wanted (values of one field are alternatives).
    """
    current = {name: list(values) for name, values in context.current.items() if name in types and values}
    if not current:
        return
    for name in [n for n in request.include if n in types and n not in current]:
        moved = []
        for value in request.include[name]:
            target = next(
                ((field, spelt) for field in current if (spelt := vocabulary.canonical(field, value)) is not None), None
            )
            if target is None:
                return  # the catalogue files the new type elsewhere: it replaces the current one
            moved.append(target)
        del request.include[name]
        for field, spelt in moved:
            request.include[field] = sorted({*current[field], *request.include.get(field, []), spelt})


def _lexicon_words(lexicon: Lexicon) -> frozenset[str]:
    """The English lexicon's one-word keys, the words (5 letters or more) of its phrases and the one-word features
    a shopper asks for (stop 66: "wireles earbuds" is "wireless")."""
    cached = lexicon.__dict__.get("_typo_targets")
    if cached is None:
        phrases = (key.split() for key in lexicon.entries.get("en", {}) if " " in key)
        cached = lexicon.english_words() | {w for words in phrases for w in words if w.isalpha() and len(w) >= 5} \
            | {w for w in one_word_spellings() if len(w) >= 5}
        lexicon.__dict__["_typo_targets"] = cached
    return cached


def _one_letter_longer(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Four-letter spellings to the five-letter typo targets they lack one inner letter of ("shos" -> "shoes"),
    built once per lexicon."""
    cached = lexicon.__dict__.get("_one_letter_longer")
    if cached is None:
        index: dict[str, list[str]] = {}
        for key in sorted(_lexicon_words(lexicon)):
            if len(key) == 5 and key.isalpha():
                for short in dict.fromkeys(key[:i] + key[i + 1:] for i in range(1, 4)):
                    index.setdefault(short, []).append(key)
        cached = {short: tuple(keys) for short, keys in index.items()}
        lexicon.__dict__["_one_letter_longer"] = cached
    return cached


def _fix_lexicon_typos(text: str, lexicon: Lexicon, language: str = "en",
                       catalogue: Container[str] = frozenset()) -> str:
    """Latin words one typo away from an English lexicon word ("sneakrs", "headfones"), corrected.

    The words of the lexicon's phrases count too: "runnin shoes" is "running shoes". A word of
    the shopper's own language is no English typo ("menos" is not "mens"). Stop 49: a four-letter word that
    is no English word is corrected only to a five-letter lexicon word it lacks one inner letter of ("blue shos
    for men" -> "shoes"), never when the catalogue uses it (a brand such as "vivo").
    """
    keys = _lexicon_words(lexicon)
    own = lexicon.words(language) if language in ("es", "de") else frozenset()

    def fix(found: re.Match[str]) -> str:
        word = found.group(0)
        # stop 51: a four-letter word is no English word for being one without its "s" ("mose" of "moses")
        if len(word) == 4 and language == "en" and word not in keys and word not in catalogue \
                and not _is_word(word, plurals=False) and word not in _GREETING_WORDS and word not in _BARE_CONTRACTIONS:
            longer = _one_letter_longer(lexicon).get(word, ())
            return longer[0] if len(longer) == 1 else word
        if len(word) < 5 or word in keys or word in own or _is_word(word) or _is_word(_singular(word)) or word in _GREETING_WORDS:
            return word
        limit = 1 if len(word) < 8 else 2
        close = sorted(
            (min(_edits(word, key, limit), _edits(_sound(word), _sound(key), limit)), key)
            for key in keys if key[:1] == word[:1] and abs(len(key) - len(word)) <= limit
        )
        if close and close[0][0] <= limit and (len(close) == 1 or close[1][0] > close[0][0]):
            return close[0][1]
        return word

    return re.sub(r"[a-z]{4,}", fix, text)


def is_thanks(message: str, lexicon: Lexicon | None = None) -> bool:
    """Whether a message thanks or says goodbye ("thanks!", "谢谢", "gracias, adiós")."""
    lexicon = lexicon or Lexicon.default()
    text = lexicon.translate(fold(message), detect_language(message))
    return bool(_THANKS.search(re.sub(r"\s+", " ", text).strip()))


def is_small_talk(message: str, lexicon: Lexicon | None = None) -> bool:
    """Whether a message is a greeting, thanks, an acknowledgement or small talk ("ok", "谢谢", "how's
    your day?"), in any language the lexicon knows: a message with nothing to shop for on purpose."""
    lexicon = lexicon or Lexicon.default()
    text = re.sub(r"\s+", " ", lexicon.translate(fold(message), detect_language(message))).strip().lower()
    return bool(_THANKS.search(text) or _GREETING.match(text) or _SMALL_TALK.search(text)) \
        or _acknowledgement(normalise_tokens(text))


#: A question whether a shown item fits a device ("el primero sirve para iphone 13?"): asked, not a wish for more like it.
_FITS_QUESTION = re.compile(
    r"\b(?:work|works|fit|fits|compatible|sirve|sirven|funciona|funcionan|vale para|valen para|passt|passen|"
    r"funktioniert|funktionieren)\b|适用|能用|可以用|兼容"
)


#: A wish for items without a word of what ("something nicer", "got anything better?", "I want something nice").
_VAGUE_WISH = re.compile(
    r"\b(?:something|anything|stuff|things|ones|options?)(?: a (?:bit|little|lot))?(?: more)? "
    r"(?:nice|nicer|better|prettier|cooler|lovelier|classier|cuter|good|great|lovely|pretty|cool|special)\b"
)


def _acknowledgement(tokens: Sequence[str]) -> bool:
    """True when every word is a greeting, thanks or filler ("ok thanks", "are you still there?")."""
    words = [t for t in tokens if t not in _PUNCT and t != "\0"]
    if not words:
        return True
    from chatrec.batch16_classes import is_english_word

    # a misspelt thanks ("thnks") is one; an English word one letter from one is not ("round" is no "sound": stop 60)
    return all(
        t in _FILLERS or t in _ACK or any(_edits(t, a, 1) <= 1 for a in _ACK if len(a) >= 4 and len(t) >= 4)
        and not is_english_word(t)
        for t in words
    )


#: Words of an option's name that do not pick it out ("Kitchen & home appliances": "home").
_OPTION_FILLER = frozenset("and home accessories accessory other others general purpose basic small parts supplies "
                           "products devices equipment more items".split())


def _option_by_word(tokens: Sequence[str], options: Sequence[str]) -> str | None:
    """The one offered option whose name has a word of the answer ("something for the kitchen" picks
    "Kitchen&HomeAppliances"); None when no option or more than one has such a word."""
    said = {t for t in tokens if len(t) >= 4 and t not in _OPTION_FILLER}
    if not said:
        return None
    hits = []
    for option in options:
        words = {w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", str(option))}
        words |= {w[:-1] for w in words if w.endswith("s")}
        if said & (words - _OPTION_FILLER):
            hits.append(option)
    return hits[0] if len(hits) == 1 else None


def _intent(
    request: ShopperRequest, lowered: str, tokens: list[str], context: TurnContext, exact_matches: bool,
    types: set[str], *, interest: bool = False,
) -> str:
    shown = bool(context.shown)
    new_include = {
        name: [v for v in values if v not in context.current.get(name, ())]
        for name, values in request.include.items()
    }
    new_wishes = bool(
        any(new_include.values()) or request.exclude or request.price or request.relative_price or request.avoid_words
    )
    wishes = bool(request.include or new_wishes)
    what_about = bool(_WHAT_ABOUT.match(lowered)) and not request.references
    question = bool(_QUESTION.search(lowered)) and not what_about
    if _RESET.search(lowered):
        return "start_over"
    # "a phone and also tell me a joke": the product wish is served, the joke is not
    mixed = bool(set(new_include) & types) and bool(re.search(r"\b(?:and|also|plus)\b", lowered))
    if _INJECTION.search(lowered) or (_POLICY.search(lowered) and not _RANKS_DISCOUNT.search(lowered)) \
            or _SHOP_TRUST.search(lowered) or (_OTHER_TASK.search(lowered) and not mixed):
        return "off_topic"
    if _SERVICE.search(lowered) and not request.references and (shown or not _UNSHOWN_REFERENCE.search(lowered)):
        return "off_topic"
    if not exact_matches and not request.price and _OFF_TOPIC.search(lowered) and not interest \
            and not _GOOD_FOR.search(lowered) \
            and not (shown and _MODIFIER_FOLLOW_UP.search(lowered)):  # stop 49: "what's good for a long flight?" asks
        return "off_topic"  # for products; stop 59: T-shirts shown, "football ones", "de fútbol" narrow them
    if shown and _SHOW_AGAIN.search(lowered):
        return "show_again"
    if request.answered and not request.references:
        options = set(context.pending[1]) if context.pending else set()
        answer = set(request.include.get(request.answered, ()))
        if answer and not answer & options and _new_product_type(request, context, types):
            return "recommend"  # asked which shoes, told "jeans": a new product type, not an answer
        return "answer"
    if shown and _COMPARE.search(lowered) and not what_about:
        return "compare"
    if not shown and _UNSHOWN_REFERENCE.search(lowered) and (question or _COMPARE.search(lowered)):
        # "what's cheaper, the first or second?" as the first message: about items not shown yet
        return "compare" if _COMPARE.search(lowered) or re.search(r"\bor\b", lowered) else "ask_about_item"
    if shown and any(v for n, v in new_include.items() if n not in types) and _HAVE_IT_IN.search(lowered):
        return "more_like"  # "do you have it in navy?", "can I get that one in black": that item, another value
    if not wishes and not request.references and _VAGUE_WISH.search(lowered) and not _THANKS.search(lowered):
        return "refine" if shown else "recommend"  # "something nicer", "I want something nice": a wish, no thanks
    if shown and question and not _MORE_LIKE.search(lowered) and not _REJECT.search(lowered) \
            and not (_SMALL_TALK.search(lowered) and not request.references):  # "how are you today?" asks no item
        if request.references and any(v for n, v in new_include.items() if n not in types) \
                and re.search(r"\b(?:in|for|but)\b", lowered) and not _FITS_QUESTION.search(lowered) \
                and not re.match(r"\W*(?:is|are|was|were|how|what|whats|why|which|who|where|when)\b", lowered):
            return "more_like"  # "does the second one come in red?" ("is the second one for women?" asks)
        if re.match(r"\W*(?:and )?(?:is|does|do|can|will|are) (?:it|this|that|they|these|those)\b", lowered):
            return "ask_about_item"
        if (request.relative_price or request.price) and not request.references and re.search(
            r"\b(?:any|anything|something|some|ones|others?|else|alternatives?)\b", lowered
        ):
            return "refine"  # "anything that costs less?": a cheaper search, not a question about these
        if not request.references and not new_wishes and asks_the_shop(lowered) and not re.search(
                r"\b(it|its|this|that|they|them|these|those|one|ones|any of|which)\b", lowered):
            return "refine"  # stop 57: "do you have laptops?", "do you have anything in leather?" ask the shop
        if request.references or not new_wishes or re.search(r"\b(it|its|this|that|they|them|these|those)\b", lowered):
            if not (new_wishes and not request.references and not re.search(r"\b(its|this|that)\b", lowered)):
                return "ask_about_item"
    if shown and request.references and (wishes or _MORE_LIKE.search(lowered) or not new_wishes):
        return "more_like"
    if shown and _REJECT.search(lowered) and not re.search(r"\b(?:i|we) (?:like|love) (?:these|those|them)\b", lowered):
        return "reject"
    if shown and re.fullmatch(r"\W*no\W*", lowered):
        return "reject"
    if shown and _MORE_LIKE.search(lowered):
        return "more_like"
    if not wishes and not request.show_now and (
        _acknowledgement(tokens) or _THANKS.search(lowered) or _GREETING.match(lowered)
    ):
        return "chitchat"
    if not wishes and not request.references and (
        _SMALL_TALK.search(lowered) or re.match(r"\W*(?:you'?re|you are|ur|u r|youre)\b", lowered)
    ):
        return "chitchat"  # small talk, or a remark about the assistant ("you're kinda slow lol")
    if (
        not shown and not wishes and not request.show_now and not request.drop and not request.references
        and _WORLD_QUESTION.search(lowered) and not _SHOPPING.search(lowered) and not _GOOD_FOR.search(lowered)
        and not (_WHAT_ABOUT.match(lowered) and request.query)  # "what about sherwanis?": a product
    ):
        return "off_topic"  # "who won the match?", "how do I cook biryani?": nothing to shop for
    if not wishes and request.drop:
        return "refine"
    if wishes:
        if not context.searching:
            return "recommend"
        if _new_product_type(request, context, types):
            return "recommend"  # a new product type: "now a black belt too"
        return "refine"
    if request.show_now:
        return "recommend"
    if request.query:
        return "refine" if context.searching else "recommend"
    return "chitchat"


def _new_product_type(request: ShopperRequest, context: TurnContext, types: set[str]) -> bool:
    """True when the request names a product type sharing no word with the current one ("jeans" after "shoes")."""
    current_types = {v for name, values in context.current.items() if name in types for v in values}
    new_types = {v for name, values in request.include.items() if name in types for v in values}
    if not (new_types and current_types) or new_types & current_types:
        return False
    current_words = {t for v in current_types for t in normalise_tokens(v, camel=True)}
    return not any(set(normalise_tokens(v, camel=True)) & current_words for v in new_types)


def _price(low: float | None, high: float | None, currency: str | None, context: TurnContext) -> PriceRange:
    target = context.catalog_currency
    if currency is None or target is None or currency == target:
        return PriceRange(min=low, max=high, currency=currency)
    new_low = convert(low, currency, target, context.rates) if low is not None else None
    new_high = convert(high, currency, target, context.rates) if high is not None else None
    if (low is not None and new_low is None) or (high is not None and new_high is None):
        logger.warning("no exchange rate for %s or %s: the budget is taken as said", currency, target)
        return PriceRange(min=low, max=high, currency=currency)
    said = " to ".join(format_amount(v, currency) for v in (low, high) if v is not None)
    means = " to ".join(format_amount(v, target) for v in (new_low, new_high) if v is not None)
    return PriceRange(
        min=round(new_low, 2) if new_low is not None else None,
        max=round(new_high, 2) if new_high is not None else None,
        currency=currency, converted=True, note=f"{said} ≈ {means}",
    )


#: The public name of :func:`_singular` ("watches" -> "watch"), for modules that compare words as the reader does.
singular = _singular
