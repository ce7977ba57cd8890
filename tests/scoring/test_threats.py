"""The threat tier: per language threats caught by kind, benign uses left alone, evasions,
spans in original offsets, and the fast scorer's integration.

These are development examples written for the lexicon; the held-out threat set
(bench/data/threats_heldout.jsonl) is never read here.
"""

from __future__ import annotations

import numpy as np
import pytest

from civility.scoring.base import CATEGORIES
from civility.scoring.model import FastScorer
from civility.scoring.threats import (
    HARMLESS_CAP,
    IDIOM_CAP,
    KIND_SCORE,
    KINDS,
    SELF_HARM_SEVERE,
    ThreatResult,
    apply_threats,
    detect,
    fold,
    names_harm,
    prefilter_key,
    tier,
)

# (text, kind of at least one rule that must fire)
CAUGHT: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("I will kill you", "direct"),
        ("I'm going to stab you", "direct"),
        ("i'll beat you up", "direct"),
        ("imma shoot you", "direct"),
        ("I'm going to find where you live and hurt your family", "direct"),
        ("I will find where you live and hurt you", "direct"),
        ("I'm gonna break your legs", "direct"),
        ("i'll slit your throat", "direct"),
        ("I will bury you", "direct"),
        ("I will end you", "direct"),
        ("i will smash your face in", "direct"),
        ("I swear I will strangle you", "direct"),
        ("we're going to burn your house down", "direct"),
        ("I'm going to kill him", "direct"),
        ("I'll kill her.", "direct"),
        ("I will shoot you in the head", "direct"),
        ("I'm going to put a bullet in your head", "direct"),
        ("i will literally murder you and your whole family", "direct"),
        ("we will hunt you down and hang you", "direct"),
        ("you'd better watch your back", "conditional"),
        ("if I see you again you're dead", "conditional"),
        ("if you come near my house again you'll end up in the hospital", "conditional"),
        ("someone should put a bullet in him", "indirect"),
        ("I know where you live", "indirect"),
        ("your family won't be safe", "indirect"),
        ("you won't live to see tomorrow", "indirect"),
        ("you're dead meat", "indirect"),
        ("i hope you die", "indirect"),
        ("you deserve to die", "indirect"),
        ("he should be shot", "indirect"),
        ("I'm coming for you", "indirect"),
        ("we will kill all of them", "group"),
        ("they should all be shot", "group"),
        ("hang them all", "group"),
        ("death to all immigrants", "group"),
        ("someone needs to gas those people", "group"),
        ("kill yourself", "self_harm"),
        ("kys", "self_harm"),
        ("go hang yourself", "self_harm"),
        ("drink bleach", "self_harm"),
        ("you should kill yourself", "self_harm"),
        ("why don't you kill yourself", "self_harm"),
        ("go die in a fire", "self_harm"),
        ("nobody cares, jump off a bridge", "self_harm"),
        ("I'll pay anyone who will stab that mod", "indirect"),
        ("we have guys who can break your brother's legs", "indirect"),
        ("i hope someone strangles that ref", "indirect"),
        ("I'm going to smash that ref's skull in", "direct"),
        ("i know where your girlfriend works", "indirect"),
        ("ok go end it", "self_harm"),
        ("no joke you should jump off a bridge", "self_harm"),
    ],
    "ru": [
        ("я тебя убью", "direct"),
        ("Я ТЕБЯ УБЬЮ!", "direct"),
        ("убью тебя", "direct"),
        ("я тебя зарежу", "direct"),
        ("я тебя найду и убью", "direct"),
        ("прибью тебя нахрен", "direct"),
        ("урою тебя", "direct"),
        ("пристрелю тебя как собаку", "direct"),
        ("мы тебя закопаем", "direct"),
        ("я тебе ноги сломаю", "direct"),
        ("сломаю тебе шею", "direct"),
        ("набью тебе морду", "direct"),
        ("ещё раз так скажешь - убью.", "direct"),
        ("дам тебе пизды", "direct"),
        ("ты труп", "indirect"),
        ("тебе не жить", "indirect"),
        ("тебе конец, понял?", "indirect"),
        ("я знаю где ты живёшь", "indirect"),
        ("я тебя из-под земли достану", "indirect"),
        ("твоя семья не будет в безопасности", "indirect"),
        ("тебя надо пристрелить", "indirect"),
        ("чтоб ты сдох", "indirect"),
        ("ходи и оглядывайся", "conditional"),
        ("если ещё раз тебя увижу, тебе конец", "conditional"),
        ("их всех надо расстрелять", "group"),
        ("мы их всех перебьём", "group"),
        ("всех этих тварей надо перебить", "group"),
        ("убей себя", "self_harm"),
        ("иди повесься", "self_harm"),
        ("сдохни", "self_harm"),
        ("выпей яду", "self_harm"),
        ("я собираюсь задушить твою семью", "direct"),
        ("хочу выбить этому админу все зубы", "direct"),
        ("заплачу любому, кто согласится застрелить этого урода", "indirect"),
        ("чтоб кто-нибудь зарезал его", "indirect"),
        ("будет жаль, если с твоими детьми что-нибудь случится", "indirect"),
        ("всех цыган надо расстрелять", "group"),
        ("тебе лучше утопиться", "self_harm"),
    ],
    "tr": [
        ("seni öldüreceğim", "direct"),
        ("SENİ ÖLDÜRECEĞİM", "direct"),
        ("öldüreceğim seni", "direct"),
        ("seni gebertirim", "direct"),
        ("seni keserim", "direct"),
        ("seni vuracağım", "direct"),
        ("seni bulup öldüreceğim", "direct"),
        ("seni öldürcem", "direct"),
        ("seni öldürmek istiyorum", "direct"),
        ("bacaklarını kıracağım", "direct"),
        ("kafana sıkarım", "direct"),
        ("sen öldün", "indirect"),
        ("yaşamayacaksın", "indirect"),
        ("yarını göremeyeceksin", "indirect"),
        ("nerede oturduğunu biliyorum", "indirect"),
        ("ailen güvende değil", "indirect"),
        ("başına bir şey gelecek", "indirect"),
        ("biri seni öldürmeli", "indirect"),
        ("umarım ölürsün", "indirect"),
        ("arkanı kolla", "conditional"),
        ("bir daha görürsem pişman olursun", "conditional"),
        ("hepsini öldürmek lazım", "group"),
        ("hepsi kurşuna dizilmeli", "group"),
        ("geber", "self_harm"),
        ("geber git", "self_harm"),
        ("kendini öldür", "self_harm"),
        ("kendini as", "self_harm"),
        ("intihar et", "self_harm"),
        ("köprüden atla", "self_harm"),
        ("yemin ederim seni bitireceğim", "direct"),
        ("o hakemi öldürmeye hazır adamlarım var", "indirect"),
        ("kimse cesedini bulamayacak", "indirect"),
        ("bütün göçmenleri kurşunlamak lazım", "group"),
        ("bileklerini kes", "self_harm"),
    ],
    "es": [
        ("te voy a matar", "direct"),
        ("Te voy a matar, cabrón", "direct"),
        ("voy a matarte", "direct"),
        ("te mato", "direct"),
        ("te mataré", "direct"),
        ("te voy a apuñalar", "direct"),
        ("te voy a partir la cara", "direct"),
        ("te rompo las piernas", "direct"),
        ("te meto un tiro", "direct"),
        ("voy a partirte la cara", "direct"),
        ("ya estás muerto", "indirect"),
        ("eres hombre muerto", "indirect"),
        ("vas a morir", "indirect"),
        ("no vas a ver el mañana", "indirect"),
        ("sé dónde vives", "indirect"),
        ("tu familia no estará a salvo", "indirect"),
        ("alguien debería matarte", "indirect"),
        ("ojalá te mueras", "indirect"),
        ("cuídate la espalda", "conditional"),
        ("si te vuelvo a ver te vas a arrepentir", "conditional"),
        ("hay que matarlos a todos", "group"),
        ("que los maten a todos", "group"),
        ("muerte a los inmigrantes", "group"),
        ("mátate", "self_harm"),
        ("matate", "self_harm"),
        ("suicídate", "self_harm"),
        ("ahórcate", "self_harm"),
        ("muérete", "self_harm"),
        ("tírate de un puente", "self_harm"),
        ("mato a tu hermano, te lo juro", "direct"),
        ("no veo la hora de romperle las piernas a ese árbitro", "direct"),
        ("le pago a quien se atreva a matar a tu padre", "indirect"),
        ("ojalá alguien apuñale a ese moderador", "indirect"),
        ("hay que quemar a todos los gitanos", "group"),
        ("todos los inmigrantes deberían ser ahorcados", "group"),
        ("deberías ahorcarte", "self_harm"),
    ],
    "pt": [
        ("vou te matar", "direct"),
        ("eu te mato", "direct"),
        ("vou matar você", "direct"),
        ("vou matar vc", "direct"),
        ("vou-te matar", "direct"),
        ("vou matar-te", "direct"),
        ("vou te esfaquear", "direct"),
        ("vou quebrar suas pernas", "direct"),
        ("vou te dar um tiro", "direct"),
        ("vou matar ele", "direct"),
        ("você está morto", "indirect"),
        ("vc ta morto", "indirect"),
        ("tu és um homem morto", "indirect"),
        ("você vai morrer", "indirect"),
        ("sei onde você mora", "indirect"),
        ("sua família não vai estar segura", "indirect"),
        ("alguém deveria te matar", "indirect"),
        ("espero que você morra", "indirect"),
        ("se eu te ver de novo você vai se arrepender", "conditional"),
        ("tem que matar todos eles", "group"),
        ("morte aos imigrantes", "group"),
        ("se mata", "self_harm"),
        ("vai se matar, idiota", "self_harm"),
        ("mata-te", "self_harm"),
        ("se enforca", "self_harm"),
        ("morre, seu lixo", "self_harm"),
        ("bebe água sanitária", "self_harm"),
        ("juro que mato esse juiz", "direct"),
        ("tô louco pra esfaquear seu pai", "direct"),
        ("vou quebrar os dentes desse moderador", "direct"),
        ("pago quem tiver coragem de enforcar sua mãe", "indirect"),
        ("tomara que alguém esfaqueie esse juiz", "indirect"),
        ("todos os ciganos deviam ser fuzilados", "group"),
        ("você devia se enforcar", "self_harm"),
    ],
    "it": [
        ("ti ammazzo", "direct"),
        ("Ti ammazzo, stronzo", "direct"),
        ("ti uccido", "direct"),
        ("ti ucciderò", "direct"),
        ("t'ammazzo", "direct"),
        ("voglio ammazzarti", "direct"),
        ("vengo ad ammazzarti", "direct"),
        ("ti voglio ammazzare", "direct"),
        ("ti faccio fuori", "direct"),
        ("ti spacco la faccia", "direct"),
        ("ti rompo le gambe", "direct"),
        ("ti metto una pallottola in testa", "direct"),
        ("vi ammazzo tutti", "direct"),
        ("sei un uomo morto", "indirect"),
        ("sei morto", "indirect"),
        ("morirai", "indirect"),
        ("so dove abiti", "indirect"),
        ("la tua famiglia non sarà al sicuro", "indirect"),
        ("qualcuno dovrebbe ammazzarti", "indirect"),
        ("spero che tu muoia", "indirect"),
        ("guardati le spalle", "conditional"),
        ("se ti rivedo te ne pentirai", "conditional"),
        ("bisogna ammazzarli tutti", "group"),
        ("ammazziamoli", "group"),
        ("morte agli immigrati", "group"),
        ("ammazzati", "self_harm"),
        ("ucciditi", "self_harm"),
        ("impiccati", "self_harm"),
        ("buttati da un ponte", "self_harm"),
        ("vai a morire", "self_harm"),
        ("dai, muori", "self_harm"),
        ("bevi candeggina", "self_harm"),
        ("non vedo l'ora di accoltellare tuo fratello", "direct"),
        ("spezzo le braccia a quel moderatore", "direct"),
        ("pago chiunque abbia il coraggio di sgozzare tuo padre", "indirect"),
        ("sarebbe un peccato se succedesse qualcosa ai tuoi figli", "indirect"),
        ("bisogna fucilare tutti gli zingari", "group"),
        ("dovresti impiccarti", "self_harm"),
        ("guarda, buttati da un ponte lo dico e basta", "self_harm"),
    ],
    "fr": [
        ("je vais te tuer", "direct"),
        ("Je vais te tuer, connard", "direct"),
        ("je vais te buter", "direct"),
        ("je te tue", "direct"),
        ("je vais t'égorger", "direct"),
        ("je vais vous tuer", "direct"),
        ("je vais tous vous tuer", "direct"),
        ("on va te tuer", "direct"),
        ("je te bute", "direct"),
        ("je vais te casser la gueule", "direct"),
        ("je vais te faire la peau", "direct"),
        ("je vais te mettre une balle", "direct"),
        ("t'es mort", "indirect"),
        ("tu es un homme mort", "indirect"),
        ("tu vas crever", "indirect"),
        ("je sais où tu habites", "indirect"),
        ("ta famille ne sera pas en sécurité", "indirect"),
        ("tu mérites de mourir", "indirect"),
        ("j'espère que tu vas crever", "indirect"),
        ("surveille tes arrières", "conditional"),
        ("si je te revois, tu vas le regretter", "conditional"),
        ("il faut tous les tuer", "group"),
        ("ils devraient tous être pendus", "group"),
        ("mort aux immigrés", "group"),
        ("va te pendre", "self_harm"),
        ("pends-toi", "self_harm"),
        ("tue-toi", "self_harm"),
        ("suicide-toi", "self_harm"),
        ("connard, va te pendre", "self_harm"),
        ("va crever", "self_harm"),
        ("crève", "self_harm"),
        ("bois de la javel", "self_harm"),
        ("j'ai hâte de poignarder ton frère", "direct"),
        ("je te jure que je vais fumer cet arbitre", "direct"),
        ("je bute ta famille", "direct"),
        ("je vais lui briser la nuque", "direct"),
        ("je vais casser tous les os à ce modo", "direct"),
        ("compte sur moi pour égorger tes gosses", "direct"),
        ("je vais te retrouver et je l'étrangle", "direct"),
        ("je paie celui qui aura le courage de le buter", "indirect"),
        ("on a des gars qui peuvent te tabasser à mort", "indirect"),
        ("qqn devrait découper ce connard", "indirect"),
        ("ce serait dommage qu'il arrive quelque chose à tes enfants", "indirect"),
        ("je sais où habite ce modo", "indirect"),
        ("faut fusiller tous les migrants", "group"),
        ("les juifs méritent d'être gazés", "group"),
        ("tu devrais te jeter sous un train", "self_harm"),
        ("wesh va te pendre", "self_harm"),
    ],
    "de": [
        ("ich bring dich um", "direct"),
        ("Ich bringe dich um!", "direct"),
        ("ich bring dich heute noch um", "direct"),
        ("morgen bringe ich dich um", "direct"),
        ("wir bringen euch alle um", "direct"),
        ("ich töte dich", "direct"),
        ("ich stech dich ab", "direct"),
        ("ich mach dich kalt", "direct"),
        ("ich schlag dich tot", "direct"),
        ("ich werde dich umbringen", "direct"),
        ("ich breche dir die beine", "direct"),
        ("ich hau dir die fresse ein", "direct"),
        ("ich jag dir eine kugel in den kopf", "direct"),
        ("du bist tot", "indirect"),
        ("du bist ein toter mann", "indirect"),
        ("du wirst sterben", "indirect"),
        ("ich weiß, wo du wohnst", "indirect"),
        ("deine familie ist nicht sicher", "indirect"),
        ("man sollte dich erschießen", "indirect"),
        ("du gehörst erschossen", "indirect"),
        ("ich hoffe du verreckst", "indirect"),
        ("pass bloß auf", "conditional"),
        ("wenn ich dich nochmal sehe, bist du tot", "conditional"),
        ("die gehören alle vergast", "group"),
        ("die sollte man alle erschießen", "group"),
        ("bring dich um", "self_harm"),
        ("bring dich doch endlich um", "self_harm"),
        ("häng dich auf", "self_harm"),
        ("geh sterben", "self_harm"),
        ("stirb", "self_harm"),
        ("verreck", "self_harm"),
        ("spring von einer brücke", "self_harm"),
        ("morgen knall ich den schiri ab", "direct"),
        ("ich brech deinem bruder alle knochen", "direct"),
        ("ich hoffe, dass jemand dich umbringt", "indirect"),
        ("wir haben leute, die dir die kehle durchschneiden", "indirect"),
        ("wäre doch schade, wenn deiner familie was passiert", "indirect"),
        ("wenn du nochmal kommst, landest du im sarg", "conditional"),
        ("flüchtlinge sollten alle erschossen werden", "group"),
    ],
}

BENIGN: dict[str, list[str]] = {
    "en": [
        "I'll kill it at the gym",
        "this traffic is murder",
        "that movie is killer",
        "this movie was killer, the band killed it",
        "I'd kill for a coffee",
        "you're killing me, lol",
        "my feet are killing me",
        "kill the process",
        "kill -9 the process and restart",
        "shoot me an email",
        "I'll shoot you an email tomorrow",
        "execute the script",
        "we destroyed them",
        "I sniped him in the game",
        "he was charged with murder",
        "the soldiers were shot in 1944",
        "beat the eggs",
        "cut the onions",
        "I'll cut you some slack",
        "don't kill yourself",
        "you'll kill yourself working this hard",
        "I'm going to kill you at chess",
        "we will kill them in the finals",
        "I will hurt her feelings",
        "I will never hurt you",
        "break a leg!",
        "I'm dead lol",
        "you're dead wrong",
        "shoot yourself in the foot",
        "be careful not to cut yourself",
        "I'll kill you with kindness",
        "help yourself to the snacks",
        "she died in 1990",
        "the plants will die without water",
        "Die Antwort ist richtig",
        "that was a killer set",
        "I'm going to end the meeting early",
        "I'll end up late",
        "we're going to crush them tonight",
        "I'll burn you a cd",
        "the deadline is tomorrow",
        "my skills improved a lot",
        "I will take you to dinner",
        "i will kill this bug in the code",
        "I want to kill this level",
        "the killer was caught last night",
        "I'll punch in the numbers",
        "my friend said you should see the new update",
        "I'm coming for you at 8 to pick you up",
        "watch your back in that neighbourhood at night",
        "if you skip the warmup you'll regret it",
        "I'll pay anyone who will fix my car",
        "i hope someone beats you at chess",
        "I know where he lives, I'm bringing him a gift",
        "i'll break that ref's record",
        "I think you should end it.",
        "just end it already, this movie is boring",
    ],
    "ru": [
        "я убью время",
        "его убили в 1944 году",
        "убить процесс",
        "этот фильм просто убийственный",
        "убил бы за кофе",
        "я тебя не убью",
        "жара меня убивает",
        "конец фильма",
        "тебе конец фильма понравился?",
        "хоть застрелись, не понимаю",
        "его обвинили в убийстве",
        "я убью этот баг",
        "убью двух зайцев",
        "я его найду",
        "в игре я тебя убью",
        "не сдохни там",
        "умри от смеха",
        "всех багов надо уничтожить",
        "я знаю, где живёт этот парень, он мой друг",
        "будет жаль, если с тобой что-то случится, береги себя",
        "я собираюсь убить время",
        "тебе лучше умереть со смеху",
        "тебе лучше пойти спать",
    ],
    "tr": [
        "maçı öldürdük",
        "zaman öldürmek",
        "saçımı kestim",
        "sesini keserim",
        "seni öldürmeyeceğim",
        "seni asla öldürmem",
        "oyunda seni öldüreceğim",
        "öldün mü?",
        "ekmek kestim",
        "seni çok seviyorum",
        "çamaşır suyu içme",
        "kendini öldürme",
        "gebermek üzereyim",
        "sakin ol",
        "onu 1980 yılında vurdular",
        "gol atacağım",
        "onu bitireceğim",
        "bütün dosyaları temizlemek lazım",
        "sivrisineklere ölüm",
        "keşke biri kapıyı kırsa",
    ],
    "es": [
        "me muero de risa",
        "este calor me mata",
        "matar el tiempo",
        "te mato de risa",
        "te voy a matar a besos",
        "mataron a tres personas en 1990",
        "fue acusado de asesinato",
        "mata el proceso",
        "no te mates estudiando",
        "estoy muerto de cansancio",
        "te voy a dar una paliza en el fifa",
        "muérete de envidia",
        "tomate con queso",
        "no sé dónde vives",
        "vas a morir de risa",
        "se mata trabajando",
        "hay que matar el proceso",
        "cuídate la espalda al levantar peso",
        "mátalo en el juego",
        "le doy un tiro al arco",
        "hay que eliminar a todos los mosquitos",
        "alguien debería matarlo de risa",
        "voy a cortarle el pelo a tu hermana",
        "tienes que morirte de risa",
        "deberías tirarte a la piscina",
    ],
    "pt": [
        "me mata de rir",
        "vou matar aula",
        "matar a saudade",
        "vou te matar de saudade",
        "ele morreu em 1990",
        "foi acusado de assassinato",
        "mata o processo",
        "não se mata de trabalhar",
        "ele se mata de trabalhar",
        "estou morto de cansaço",
        "você vai morrer de rir",
        "ele morre no final",
        "não sei onde você mora",
        "vou dar um tiro no escuro",
        "cuida das costas na academia",
        "vou te matar no jogo",
        "vou apagar ele da lista",
        "tem que matar todos os mosquitos",
        "dá um tiro na cabeça do zumbi",
        "eu sei onde ele mora, vou levar o presente",
        "vou detonar ele no xadrez",
    ],
    "it": [
        "mi ammazza questo caldo",
        "ammazza che bello",
        "ammazzare il tempo",
        "ti ammazzo di baci",
        "è stato ucciso nel 1944",
        "accusato di omicidio",
        "sono stati ammazzati in guerra",
        "sono morto di sonno",
        "sei morto di fame?",
        "se muori nel gioco ricominci",
        "c'è una crepa nel muro",
        "sparati un film stasera",
        "non so dove abiti",
        "ti uccido nel gioco",
        "morirai dal ridere",
        "bisogna eliminare tutti i bug",
        "sarebbe un peccato se succedesse qualcosa al server",
        "taglio la testa al toro",
        "dovresti morire dal ridere",
        "so dove abita il tuo amico, ci vado domani",
        "guarda, buttati in piscina",
    ],
    "fr": [
        "je suis mort de rire",
        "t'es mort de rire",
        "ça me tue",
        "tuer le temps",
        "il va te tuer, ton père",
        "je crève de faim",
        "il a été tué en 1944",
        "accusé de meurtre",
        "tuer le processus",
        "je vais te descendre tes affaires",
        "je ne vais pas te tuer",
        "je vais te défoncer à fifa",
        "je ne sais pas où tu habites",
        "tu vas mourir de rire",
        "tu vas crever de chaud",
        "ça va te tuer ce régime",
        "mon pneu crève",
        "le chat est mort",
        "va te coucher",
        "je vais fumer une clope",
        "je vais te planter là",
        "il faut éliminer les parisiens en finale",
        "tu devrais mourir de honte",
        "je vais te mettre une balle de tennis",
        "je sais où il habite, je lui apporte son colis",
        "je vais découper le poulet",
        "Dire à quelqu'un qu'on va le buter, c'est jamais ok",
        "je crève de faim",
        "faut éliminer tous les doublons",
        "je vais lui couper la parole",
    ],
    "de": [
        "die hitze bringt mich um",
        "das bringt mich um",
        "ich bring dich um acht nach hause",
        "ich bring dich um 8 zum bahnhof",
        "ich bring dich nicht um",
        "er wurde 1944 erschossen",
        "wegen mordes angeklagt",
        "den prozess töten",
        "ich töte dich im spiel",
        "bring dich nicht um",
        "ich häng dich ab",
        "pass auf dich auf",
        "du bist müde",
        "du wirst eines tages sterben",
        "ich weiß nicht wo du wohnst",
        "stirb langsam ist ein toller film",
        "ich sterbe vor lachen",
        "ich verrecke vor hitze",
        "die Antwort ist richtig",
        "ich hol dich ab",
        "ich werde dich nie töten",
        "dreh dich um und schau",
        "ich zünde die kerze an",
        "ich weiß wo der bäcker wohnt, ich hol dort brötchen",
        "wenn du das machst, bist du tot müde",
        "tod allen bugs",
        "ich hoffe, dass jemand den mod informiert",
    ],
}

# More phrasings, to check that the grammar generalises beyond the examples above.
MORE_CAUGHT: list[str] = [
    "I am going to slaughter you and your family",
    "we are gonna gut you like a fish",
    "i will personally drown you in the lake",
    "im gonna choke you out",
    "I'm about to stab this bitch",
    "I'll make you bleed",
    "i'm going to make sure you never walk again",
    "I will cut your tongue out",
    "i will rip your heart out",
    "I'm going to break every bone in your body",
    "ill kill u",
    "imma end u",
    "we'll burn you alive",
    "I will torture you slowly",
    "I'm coming to your house to kill you",
    "I'm gonna beat the shit out of you",
    "i will put you in the hospital",
    "I'll put you six feet under",
    "you're a dead man",
    "you are dead bitch",
    "you won't make it out alive",
    "you'll never see it coming",
    "your days are numbered",
    "we know where your kids go to school",
    "i hope someone shoots you",
    "I hope you get hit by a bus",
    "somebody needs to kill that guy",
    "someone should shoot the president",
    "you should be shot",
    "you deserve a bullet",
    "all immigrants should be shot",
    "every single one of them deserves to die",
    "we should kill all the jews",
    "gas them all",
    "kill all muslims",
    "they all need to be hanged",
    "if you say that again i'll break your jaw",
    "touch my car again and you'll end up in a wheelchair",
    "one more word and you're dead",
    "come near my family and you're history",
    "do it again or else",
    "kill urself",
    "kill ur self loser",
    "go kys",
    "just die already",
    "drop dead",
    "nobody would miss you, go jump off a bridge",
    "you should just end your life",
    "go drink bleach and die",
    "slit your wrists",
    "do the world a favor and kill yourself",
    "go neck yourself",
    "I'm going to shoot up your school",
    "I'll find you and I will kill you",
    "I swear to god I will murder you",
    "I'm gonna stomp your face in",
    "I will hunt you down",
    "я тебя придушу",
    "мы вас всех перестреляем",
    "я тебе башку проломлю",
    "ты покойник",
    "тебе хана",
    "я тебя закопаю живьём",
    "сожгу твой дом",
    "иди вскройся",
    "убейся об стену",
    "seni geberteceğim",
    "seni bıçaklayacağım",
    "kafanı keseceğim",
    "seni yakacağım",
    "hepinizi öldüreceğim",
    "sen ölü bir adamsın",
    "gebersene",
    "kendini vur",
    "te voy a reventar",
    "te voy a dar una paliza",
    "te corto el cuello",
    "te vuelo la cabeza",
    "voy a ahorcarte",
    "os voy a matar a todos",
    "estás muerto, cabrón",
    "cuélgate",
    "vou te espancar",
    "vou te enforcar",
    "eu te mato, desgraçado",
    "vou arrebentar sua cara",
    "vai se enforcar",
    "ti sgozzo",
    "ti faccio a pezzi",
    "vi uccido tutti",
    "voglio spararti",
    "ti taglio la gola",
    "impiccati",
    "je vais te massacrer",
    "je vais t'étrangler",
    "on va te retrouver et te tuer",
    "je te crève les yeux",
    "je vais te planter un couteau",
    "va te suicider",
    "ich stech dich ab du hurensohn",
    "ich werde dich erschießen",
    "ich knall euch alle ab",
    "ich schlitz dir die kehle auf",
    "wir machen dich kalt",
    "häng dich doch auf",
    "erschieß dich",
]

MORE_BENIGN: list[str] = [
    "I'm going to kill this presentation tomorrow",
    "we're going to destroy them in the playoffs",
    "she killed it on stage last night",
    "I'll shoot you a text when I'm there",
    "can you shoot me the link",
    "I'm going to hang the picture in the hallway",
    "we will hang out later",
    "I will cut the cake at 5",
    "I'll cut you a piece of pie",
    "I'm going to beat you at mario kart",
    "I will beat you this time",
    "I'm going to end this call now",
    "I will end my subscription",
    "let's end the meeting",
    "I'll burn the dvd for you",
    "I'm going to run you through the process",
    "I'll run you over to the station",
    "I'll hit you up later",
    "I could just die of embarrassment",
    "I'm dying to see the new movie",
    "this heat is killing me",
    "my back is killing me",
    "kill the lights please",
    "the detective investigates a murder",
    "murder mystery party this weekend",
    "I read a book about the execution of Charles I",
    "they were hanged in 1692 in Salem",
    "the gun was found at the scene",
    "he shot the ball into the net",
    "she shot a great photo",
    "my phone died",
    "the battery is dead",
    "dead tired after work",
    "the party was dead",
    "that joke killed me",
    "you killed it bro",
    "you are killing it",
    "I'll never forgive you",
    "you'll regret not coming to the concert",
    "if you miss this sale you'll regret it",
    "watch your back when lifting heavy boxes",
    "your family is safe with us",
    "you will die laughing at this",
    "you're going to die when you see this",
    "I'm going to die if I don't eat",
    "go kill it at the interview",
    "knock them dead at the audition",
    "break a leg tonight",
    "I'm going to smash this workout",
    "I'll crush the exam",
    "we're going to bury the time capsule",
    "bury the hatchet",
    "I hope you get well soon",
    "I hope you die happy and old",
    "I wish you were here",
    "I want you to win",
    "I'd kill for a burger right now",
    "I could kill for a nap",
    "we need to kill some time",
    "they should all be proud",
    "they should all be here by 5",
    "people should be nicer",
    "he should be fired",
    "criminals should be punished",
    "you should be ashamed",
    "you should get some rest",
    "the characters die in the end",
    "everyone dies eventually",
    "how to kill weeds",
    "how to kill a process in linux",
    "how do I kill all node processes",
    "kill all the zombies to win",
    "I killed all the spiders in my room",
    "we killed all the bugs before release",
    "the plants died because I forgot to water them",
    "jump off the bridge in the video game",
    "don't jump off the bridge",
    "never drink bleach",
    "kids, don't drink bleach",
    "I'm dead 💀💀",
    "shoot yourself a message to remember",
    "treat yourself",
    "you should hang yourself a hammock",
    "I'm going to hurt myself laughing",
    "she hurt her ankle",
    "he hurt his back",
    "I'll take you out to dinner",
    "I'm taking you out tonight",
    "I'll take you down in the tournament",
    "he was executed in 1793",
    "the rebels were shot by the army in 1916",
    "the suspect stabbed the victim",
    "the knife cuts through the bread",
    "the band's new album slaps",
    "this slaps",
    "my boss will kill me if I'm late",
    "mom is going to kill me",
    "she will murder me if I forget",
]

EVASIONS = [
    "1 w1ll k1ll y0u",
    "k i l l  y o u r s e l f",
    "k.y.s",
    "i will k-i-l-l you",
    "i will kіll yоu",  # Cyrillic і and о
    "I WILL KILL YOU!!!",
    "i will kiiiill youuu",
    "i w i l l k i l l y o u",
    "go k1ll urself",
    "i will k\u200bill you",  # zero-width space
    "ｉ ｗｉｌｌ ｋｉｌｌ ｙｏｕ",  # fullwidth
    "i'll 🔪 you",
    "я теbя убью",  # Latin b in a Russian word
    "у б е й  с е б я",
    "seni ö.l.d.ü.r.e.c.e.ğ.i.m",
    "SENİ ÖLDÜRECEĞİM",
    "senı oldurecegım",  # dotless i, accents dropped
    "te voy a m4t4r",
    "t e  v o y  a  m a t a r",
    "vou te m@t@r",
    "t i  a m m a z z o",
    "j3 vais t3 tu3r",
    "ICH BRING DICH UM",
    "1ch br1ng d1ch um",
]


def _cases(table: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str, str]]:
    return [(lang, text, kind) for lang, rows in table.items() for text, kind in rows]


def _benign() -> list[tuple[str, str]]:
    return [(lang, text) for lang, rows in BENIGN.items() for text in rows]


def _one(text: str) -> ThreatResult | None:
    return detect([text])[0]


@pytest.mark.parametrize(("lang", "text", "kind"), _cases(CAUGHT))
def test_threat_caught_with_its_kind(lang: str, text: str, kind: str) -> None:
    res = _one(text)
    assert res is not None, text
    kinds = {m.kind for m in res.matches}
    assert kind in kinds, (text, res.rules)
    floor = 0.8 if kind in ("direct", "self_harm") else 0.5
    assert res.threat > floor
    assert all(
        r.split(".")[0] in {"en", "es", "ru", "it", "tr", "de", "pt", "fr"} for r in res.rules
    )


@pytest.mark.parametrize(("lang", "text"), _benign())
def test_benign_use_not_caught(lang: str, text: str) -> None:
    res = _one(text)
    assert res is None, (text, res.rules if res else None)


@pytest.mark.parametrize("text", MORE_CAUGHT)
def test_more_phrasings_caught(text: str) -> None:
    res = _one(text)
    assert res is not None, text
    assert res.threat > 0.5


@pytest.mark.parametrize("text", MORE_BENIGN)
def test_more_benign_not_caught(text: str) -> None:
    res = _one(text)
    assert res is None, (text, res.rules if res else None)


@pytest.mark.parametrize("text", EVASIONS)
def test_evasion_caught(text: str) -> None:
    res = _one(text)
    assert res is not None, text
    assert res.threat > 0.8


def test_kinds_and_scores() -> None:
    assert set(KIND_SCORE) == set(KINDS)
    assert KIND_SCORE["direct"] > 0.8
    assert KIND_SCORE["self_harm"] > 0.8
    for kind in ("conditional", "indirect", "group"):
        assert 0.5 < KIND_SCORE[kind] <= 0.8
    ids = [r.id for r in tier().rules]
    assert len(ids) == len(set(ids))
    for r in tier().rules:
        lang, kind, _ = r.id.split(".")
        assert lang == r.language
        assert kind == r.kind


def test_self_harm_sets_severe_toxicity() -> None:
    res = _one("kill yourself")
    assert res is not None
    assert res.severe_toxicity == SELF_HARM_SEVERE > 0.8
    res = _one("I will kill you")
    assert res is not None
    assert res.severe_toxicity == 0.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok so... I WILL K1LL Y0U!!", "I WILL K1LL Y0U"),
        ("lol k i l l  y o u r s e l f now", "k i l l  y o u r s e l f"),
        ("i will kіll yоu tomorrow", "i will kіll yоu"),
        ("Hi 👋 — I will k\u200bill you", "I will k\u200bill you"),
        ("ｉ ｗｉｌｌ ｋｉｌｌ ｙｏｕ", "ｉ ｗｉｌｌ ｋｉｌｌ ｙｏｕ"),
    ],
)
def test_spans_point_into_the_original_text(text: str, expected: str) -> None:
    res = _one(text)
    assert res is not None
    spans = res.spans()
    assert spans
    assert all(s.category == "threat" for s in spans)
    assert any(text[s.start : s.end] == expected for s in spans), [
        text[s.start : s.end] for s in spans
    ]


def test_fold_keeps_offsets() -> None:
    text = "Straße K.I.L.L ｙｏｕ"
    f = fold(text)
    assert f.text == "strasse kill you"
    a = f.text.index("kill")
    assert f.original_span(a, a + 4) == (7, 14)
    assert f.original_span(0, 7) == (0, 6)


def test_prefilter_key_reads_through_evasions() -> None:
    assert prefilter_key("K.1.L.L y0u") == "killyou"
    assert "kill" in prefilter_key("kіll")  # Cyrillic і
    assert "kil" in prefilter_key("kiiiil")


def test_edge_texts() -> None:
    texts = ["", " ", "😀😀😀", "\x00", "\U00030000\U000e0041", "kill\x00you", "🔪", "a" * 10]
    out = detect(texts)
    assert out[:5] == [None, None, None, None, None]
    (astral,) = detect(["\U00030000 I will kill you \U000e0041"])
    assert astral is not None
    long_text = "the weather is mild and sunny today. " * 2000 + "I will kill you. " + "ok " * 500
    (res,) = detect([long_text])
    assert res is not None
    (span,) = res.spans()
    assert long_text[span.start : span.end] == "I will kill you"
    many = ["hello there"] * 1000 + ["I will kill you"]
    assert [r is not None for r in detect(many)] == [False] * 1000 + [True]


def test_apply_threats_raises_and_leaves_the_rest() -> None:
    texts = ["hello", "I will kill you", "kill yourself", "you'd better watch your back"]
    probs = np.full((4, len(CATEGORIES)), 0.1)
    out, spans = apply_threats(texts, probs)
    t, tox, sev = (CATEGORIES.index(c) for c in ("threat", "toxicity", "severe_toxicity"))
    assert out[0].tolist() == probs[0].tolist()
    assert spans[0] == ()
    assert out[1, t] > 0.8
    assert out[1, tox] >= out[1, t]
    assert out[1, sev] == 0.1
    assert out[2, t] > 0.8
    assert out[2, sev] > 0.8
    assert 0.5 < out[3, t] <= 0.8
    assert probs[1, t] == 0.1  # the input is not modified
    high = np.full((1, len(CATEGORIES)), 0.99)
    assert apply_threats(["I will kill you"], high)[0][0, t] == 0.99
    none, no_spans = apply_threats(["hi"], probs[:1])
    assert none is probs[:1] or np.array_equal(none, probs[:1])
    assert no_spans == [()]


def test_rules_match_without_the_prefilter_too() -> None:
    # The trigger stems must cover what each rule matches: running every language's rules on
    # every example finds nothing the prefiltered path missed.
    t = tier()
    for _lang, text, _kind in _cases(CAUGHT):
        assert t.match(text), text
        assert 0 in t.candidates([text]), text


def test_fast_scorer_integration(scorer: FastScorer) -> None:
    texts = [
        "I will kill you",
        "you'd better watch your back",
        "kill yourself",
        "the band killed it",
    ]
    scores = scorer.score(texts)
    assert scores[0]["threat"] > 0.8
    assert scores[1]["threat"] > 0.5
    assert scores[2]["threat"] > 0.8
    assert scores[2]["severe_toxicity"] > 0.8
    for s in scores[:3]:
        assert s["toxicity"] >= s["threat"]
    analyses = scorer.analyze(texts)
    threat_spans = [s for s in analyses[1].spans if s.category == "threat"]
    assert [texts[1][s.start : s.end] for s in threat_spans] == [texts[1]]
    assert analyses[0].scores == pytest.approx(scores[0])
    assert not [s for s in analyses[3].spans if s.category == "threat"]
    assert scorer.analyze(texts, explain=False)[0].spans == ()


def test_cascade_integration() -> None:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tokenizers")
    from civility.scoring.accurate import CascadeScorer, load_cascade

    try:
        cascade = load_cascade(band=(0.0, 1.01))  # route every English text
    except FileNotFoundError:
        pytest.skip("no accurate-tier artifact")
    assert isinstance(cascade, CascadeScorer)
    texts = ["I will kill you", "я тебя убью", "you'd better watch your back", "hello there"]
    scores = cascade.score(texts)
    assert scores[0]["threat"] > 0.8
    assert scores[1]["threat"] > 0.8
    assert scores[2]["threat"] > 0.5
    analyses = cascade.analyze(texts)
    assert [a.scores["threat"] for a in analyses] == pytest.approx([s["threat"] for s in scores])
    spans = [s for s in analyses[1].spans if s.category == "threat"]
    assert [texts[1][s.start : s.end] for s in spans] == [texts[1]]
    assert not [s for s in analyses[3].spans if s.category == "threat"]


@pytest.mark.parametrize(
    "text",
    [
        "gonna kill it at the gym tomorrow",
        "she absolutely killed it on stage",
        "my commute this morning was murder",
        "just killing time until the doors open",
        "can someone kill the build, it's stuck",
        "vamos a matar el tiempo en el bar",
    ],
)
def test_idioms_without_a_person_cap_a_learned_threat_score(text: str) -> None:
    probs = np.zeros((1, len(CATEGORIES)))
    probs[0, CATEGORIES.index("threat")] = 0.9
    out, spans = apply_threats([text], probs)
    assert out[0, CATEGORIES.index("threat")] == IDIOM_CAP
    assert spans == [()]


@pytest.mark.parametrize(
    "text", ["I will kill you at the gym tomorrow", "i'll kill it and then i'll kill you"]
)
def test_idioms_never_cap_a_threat_at_a_person(text: str) -> None:
    probs = np.zeros((1, len(CATEGORIES)))
    probs[0, CATEGORIES.index("threat")] = 0.9
    out, _ = apply_threats([text], probs)
    assert out[0, CATEGORIES.index("threat")] >= 0.9


# Methods, outcomes and veiled harm (fast tier 1.5.0): the rule id that must fire.
METHOD_AND_OUTCOME: list[tuple[str, str]] = [
    ("go swallow a whole bottle of pills and sleep forever", "en.self_harm.method_swallow"),
    ("lie down in front of a train, nobody will miss you", "en.self_harm.method_traffic"),
    ("everyone would be better off without you", "en.self_harm.better_without"),
    ("keep it up and you'll leave in a body bag", "en.conditional.outcome"),
    ("you'll be eating through a straw by monday", "en.conditional.outcome_body"),
    ("would be a shame if your car brakes failed on the motorway", "en.indirect.shame_if"),
    ("tírate de un puente ya", "es.self_harm.method"),
    ("como te vea sales en camilla", "es.conditional.outcome"),
    ("buttati sotto un treno", "it.self_harm.method"),
    ("se joga da ponte logo", "pt.self_harm.method"),
    ("avale toutes tes pilules", "fr.self_harm.method"),
    ("noch ein wort und du landest auf der intensivstation", "de.conditional.outcome"),
    ("kendini köprüden at", "tr.self_harm.method"),
    ("ляг под поезд", "ru.self_harm.method"),
    ("ещё слово и уедешь отсюда на скорой", "ru.conditional.outcome"),
    ("ur getting shanked after school no cap", "en.direct.getting_hurt"),
    ("you're getting a brick to the face tonight", "en.direct.getting_weapon"),
    ("i'll put two in your chest", "en.direct.rounds_in"),
    ("better sleep with one eye open", "en.indirect.while_it_lasts"),
    ("te vas a comer un balazo", "es.direct.receive"),
    ("ti becchi una coltellata", "it.direct.receive"),
    ("vai levar um tiro na cara", "pt.direct.receive"),
    ("tu vas te faire planter", "fr.direct.receive"),
    ("du kriegst gleich eine kugel", "de.direct.receive"),
    ("получишь перо в бок", "ru.direct.receive"),
    ("kurşunu yersin", "tr.direct.receive"),
]
# The same words where nobody is threatened.
METHOD_AND_OUTCOME_BENIGN: list[str] = [
    "take some pills for that headache and rest",
    "don't swallow the batteries, they are toxic for kids",
    "it would be a shame if you missed the concert",
    "the driver left in an ambulance after the crash",
    "si no te cuidas acabas en el hospital",
    "sarebbe un peccato se piovesse domani",
    "wenn du so weiterfährst, landest du noch im krankenhaus",
    "ce serait dommage que tu rates le film",
    "if you're about to get jumped in a dark alley, run",
    "youre getting dropped from the team if you skip practice",
    "te vas a comer un plato de paella enorme",
    "ti prendi una pizza stasera?",
    "vai levar um bolo pra festa?",
    "du kriegst eine email von mir",
]


@pytest.mark.parametrize(("text", "rule"), METHOD_AND_OUTCOME)
def test_methods_and_outcomes_caught(text: str, rule: str) -> None:
    (result,) = detect([text])
    assert result is not None
    assert rule in {m.rule for m in result.matches}


@pytest.mark.parametrize("text", METHOD_AND_OUTCOME_BENIGN)
def test_methods_and_outcomes_benign_not_caught(text: str) -> None:
    assert detect([text]) == [None]


# Everyday plans that the learned threat heads (1.4.0-1.5.0) scored as threats, up to 0.98.
EVERYDAY: list[str] = [
    "see you tomorrow at school",
    "i will see you there",
    "te espero en la puerta",
    "passo a prenderti alle 8",
    "ich warte vor der tür auf dich",
    "seni kapıda bekliyorum",
    "te espero na porta da escola",
    "жду тебя у двери",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_learned_threat_needs_a_harm_word(scorer: FastScorer, text: str) -> None:
    assert not names_harm(text)
    (analysis,) = scorer.analyze([text], explain=False)
    assert (analysis.scores["threat"] or 0.0) <= HARMLESS_CAP


def test_harm_words_keep_the_learned_score() -> None:
    probs = np.zeros((2, len(CATEGORIES)))
    probs[:, CATEGORIES.index("threat")] = 0.9
    texts = ["gonna pour acid on your car tonight", "see you tonight"]
    out, _ = apply_threats(texts, probs)
    assert names_harm(texts[0])
    assert out[0, CATEGORIES.index("threat")] == 0.9
    assert out[1, CATEGORIES.index("threat")] == HARMLESS_CAP


def test_compile_rules_compiles_every_language_before_first_use() -> None:
    from civility.scoring.threats import compile_rules, tier

    count = compile_rules()
    assert count == len(tier().rules) > 0
    # Every language's rules are there, each a compiled pattern.
    assert {r.language for r in tier().rules} == set(tier().rule_sets)
    assert all(hasattr(r.regex, "search") for r in tier().rules)


@pytest.mark.parametrize(
    ("text", "conditional"),
    [
        ("si me traicionas te mato", "es.conditional.if_harm"),
        ("se mi tradisci ti ammazzo", "it.conditional.if_harm"),
        ("se você me trair te mato", "pt.conditional.if_harm"),
        ("si tu parles je te tue", "fr.conditional.if_harm"),
        ("siempre te mato en el fifa", None),  # "si" begins "siempre": no condition
        ("sempre ti ammazzo a fifa", None),
        ("sinuca eu te mato", None),
        ("semana que vem te mato", None),
        ("simple, je te tue", None),
    ],
)
def test_a_conditional_lead_is_a_whole_word(text: str, conditional: str | None) -> None:
    from civility.scoring.threats import tier

    found = {m.rule for m in tier().match(text) if ".conditional." in m.rule}
    assert found == ({conditional} if conditional else set())
