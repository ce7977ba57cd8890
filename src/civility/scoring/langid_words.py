"""Team-written lexicon for language identification: frequent function, chat and insult words.

Each list holds frequent words of one language as people type them in chat: with and without
accents, common abbreviations and slang, and frequent insults (``INSULTS``, which weigh more).
The lists were written by hand from general knowledge of each language, not from any test set;
the training pool served only to find words a list wrongly claimed (a frequent word of another
language, such as Portuguese "do" in the English list, was then added to that language's list
too). ``scoring/langid.py`` builds the index: a word (or its accent-free form) in one list votes
for that language, a word in several lists (or in ``FEW``) only narrows the choice to them, and
a word in ``SHARED`` says nothing.
"""

from __future__ import annotations

from typing import Final

# Chat words used across languages: they say nothing about which one a message is in.
SHARED: Final[str] = """
ok okay okey oki okk k kk lol lool lul xd xdd xddd omg wow wtf yay oh ah eh uh hm hmm hmmm mm
mmm a yaa via foto pd grave partir auto uber eu fdp pro gay vale ke plus tipo grande nu super
top bravo taxi pizza hotel video internet bla blah www http https ahah ahahah ahahaha haha
hahaha hehe hihi jk boom rip gg wp mr ms dr vs etc tv pc
"""

# Short function words of a few languages each: no vote, but they narrow the choice to those
# languages ("sei un idiota": "sei" is Italian or Portuguese, "un" Italian, Spanish or French).
FEW: Final[dict[str, str]] = {
    "no": "en es it pt", "si": "es it fr pt", "o": "es it pt tr", "e": "it pt", "i": "en it pl cs",
    "y": "en es fr", "u": "en de", "ha": "en es it pt", "he": "en es", "ho": "en it",
    "ja": "de pt nl sv pl", "ya": "en es tr", "yo": "en es", "me": "en es it pt fr",
    "se": "es it pt fr", "tu": "es it pt fr", "mi": "es it tr", "te": "es it pt fr",
    "na": "pt pl cs", "ne": "it fr tr", "da": "it pt de tr es", "de": "es pt fr tr nl ro",
    "la": "es it fr", "le": "it fr", "lo": "es it", "al": "es it tr", "il": "it fr",
    "es": "es fr de", "en": "es fr tr nl", "un": "es it fr", "in": "en it de nl", "on": "en fr",
    "di": "it id", "con": "es it fr", "das": "de pt es", "des": "fr de",
}  # fmt: skip

WORDS: Final[dict[str, str]] = {
    "en": """
chose gross hat mayor arm brief sole professor mere content links alt land photo meme dis about
above across actually add afraid again against age ago agree ahead air alone along already
alright although always amazing angry animal another answer anymore anyway anywhere apart
apparently around arrive art asking attack attention aunt away awful baby back bad badly bag
ball bank bath beat beautiful became become bed beer behind believe below beside best bet better
between big bill bit black blame blind blood blow blue body book boring born borrow boss both
bother bottom bought box brain brave bread break breakfast bring broke broken brother brought
build built burn bus business busy buy call called calm came camera cannot car card careful
carry case cat catch caught cause change chance cheap cheat cheating cheers chicken child
children choose church city class clean clear clearly close clothes club cold color colour
coming company complete completely computer cool correct cost couch country couple course cousin
crazy cry crying cup cut cute dad daddy dance dangerous dare dark date daughter dead deal dear
death decide deep definitely delete deserve did die died difference different dinner dirty
disgusting doctor dog dollar door doubt draw dream dress drink drive driver drop drunk dry
during early earth easy eat eating else email end enemy enjoy enough enter even evening event
exactly example except excited excuse expect expensive experience explain eye eyes face fact
fair fake fall family famous fan far fast father fault favorite favourite fear feeling feet fell
fellow felt fight figure fill film finally find finish finished fire first fish fit fix floor
fly follow food fool foot forever forget forgive forgot forward found free freaking friday full
funny future gave gets getting gift give glad glass god gone gorgeous guess gun guy hair half
hand handle hang happen happens hard hardly head health hear heard heart heavy hello helped
helping her here hers hey hide high hit hold holy home honest honestly horrible horse hospital
hot hour hours house huge human hungry hurry hurt husband ice idea ill important inside instead
interesting jealous joke joking just keep kid kidding kids kill killed killing kind king kiss
knew knock know knows lady language large last late later laugh laughing lazy lead learn least
leave left less lesson letter liar lie lies life lift light likes line list listen little live
lives living lonely long longer looking lose losing lost lot lots loud lovely low lucky lunch
mad made mail main making mama many married match matter maybe meet meeting member mess message
met middle might mind minute minutes miss missed mistake mom moment money month months mood more
mother mouth move movie much mum music myself name naked near nearly neck need needs neighbor
nervous new news next nice nigga nigger nine none normal nose note nothing notice number
obviously off office often old once one ones online only open opinion order others otherwise
outside own page paid pain paper parents part party pass past pay peace perfect perhaps person
phone pick picture piece place plan plane play player please point police poor possible power
pray pretty price prison problem problems promise proud pull punch pussy put question quick
quiet quit race rain rather read ready real reason red relax remember reply rest rich ride
ridiculous road room rude rule rules run running safe said same save saying scared school scream
second secret seem seems sell send sense serious seriously seven several sex sexy shoot shop
short shot show shower sick side sign silly simple sing single sister sit sitting size sleep
sleeping slow small smart smell smile someday sometimes somewhere son song soon sorry sort sound
speak special spend stand star start started stay step stick stop story straight strange street
strong student study stuff stupid such suddenly summer sun sunday support supposed sure surprise
sweet table talk talking taste teacher tears teeth telling terrible test text than thank thanks
themselves thing think thinking third thirty though thought three threw throw ticket till tiny
together told tomorrow tonight took top touch town trip trouble truck truly trust truth trying
turn twice two type uncle under understand unless upset used useless usually very voice wait
waiting wake walk wall wanna wanted war warm wash watch watching water weak wear weather wedding
week weird welcome went whatever wherever whether white whole wife win wind window wish within
without woke won wonder wonderful word words world worried worry worse worth wow write writing
wrote yeah year years yell yellow yet young whoever shitty cock cocks boobs tits penis vagina
nazi nazis terrorist scum idiotic stupidity hater haters loser losers clown weirdo freak creep
pervert pedo pedophile dork nerd geek lame legal em pic to hoe idiot comment hi bye is u the an
and or but if of at by for from with into like over after before up down out not nor yes yea yep
yup nope me my mine you your yours yourself he him his she it its we us our ours they them their
theirs this that these those there what which who whom whose when where why how all any each few
most other some so too can could will would shall should may must do does done doing have has
had having be been being am are was were isnt arent wasnt werent dont doesnt didnt wont cant
couldnt wouldnt shouldnt im youre hes shes theyre ive youve weve youll id lets thats whats
theres whos isn't aren't wasn't weren't don't doesn't didn't won't can't couldn't wouldn't
shouldn't i'm you're he's she's it's we're they're i've you've we've i'll you'll i'd let's
that's what's there's who's hiya heya thx tnx ty tysm pls plz sry lmao lmfao rofl idk idc imo
imho tbh btw brb afk gtg ttyl ngl smh fyi irl nvm ikr ily ur yall y'all ppl cuz coz gonna gotta
dunno lemme gimme kinda sorta dude bro bruh mate guys folks good great worst love loved hate
hated liked want see saw seen look looks go goes going get got gotten make makes take come say
says tell ask asked people man men woman women girl girls boy boys friend friends things time
day days night today yesterday morning weekend birthday now then still never ever really
probably right wrong true well something everything anything someone anyone everyone nobody
somebody everybody way work works played game games post posts happy sad mean means help let try
feel fine fun awesome ugly dumb moron jerk because while until since every also shut check
sharing share job team happened tired sounds hope care cares lmk omw hbu wyd wbu hmu smth sth
bday gj np fuck fucking fucked fucker fuckin fck fuk fcking f*ck f**k f*** fking fkin shit
bullshit crap damn dammit goddamn hell suck sucks sucked sucker dick dickhead cunt bastard whore
slut retard retarded trash garbage kys stfu gtfo noob nub pathetic asshole ass bitch bitches
twat wanker prick douche douchebag jackass dumbass motherfucker mf stupidass idiots morons gay
faggot fag
""",
    "es": """
contento cantar importe roba sana gente parece caso dar real color normal opinion plan simple
horrible animal dio leer ay minuto juntos guerra paz apenas acaba queria saco ignorante parar
mente pedo calma finalmente puta putas son abajo abierto abrir abuela abuelo acá aca acabo
acuerdo además ademas afuera agua ahorita aire alegre algún algun alguna allá alla alto amor
amigo anda andar antes año años ano anos aprender arriba así asi atrás aunque ayer bailar bajo
bañar barato barrio bastante beber besos besito bien bienvenido blanco boca bonita bonito brazo
buscar caballo cabeza cada caer café calle calor cama cambiar caminar campo canción cansada cara
carne caro carta casa casi celular cena cerca cerveza chamba chica chico cielo cierto cine
ciudad coche cocina comer comida compañero comprar conmigo conocer contigo corazón correr cosa
creer cuánto cuanto cuarto cuello cuenta cuerpo cuidado culpa dame decir dejar demasiado dentro
derecho después despues dile dinero dios dirección disculpa divertido doble dolor domingo dormir
dueño duro echar edad ejemplo embarazada empezar encontrar enfermo enojado entender entiendo
escribir escuela espalda esperar esposa esposo estúpido estudiar explicar fácil facil falta
familia feo fiesta fin foto frío frio fuego fuera fuerte fútbol futbol ganar gato gobierno gordo
grande gritar guapa guapo gustar haber hablar hacia hambre hermosa hermoso hija hijo historia
hombre hora horas hospital hoy idea iglesia igual importante infierno ir jamás jamas jefe joven
juego jugar junto lado largo leche lejos lento libre libro listo llamar llegar llevar llorar
lluvia luego lugar luz madre maestro maldita maldito maldición mamá mama mandar manera mano
mañana mar marido más matar mayor medio mejor mentira mentiroso mentirosa mesa miedo mientras
mierda mío mira mirar mismo mitad momento morir mucho muerto mujer mundo música musica nacer
nadie necesito negro ningún ninguna niño niños noche novia novio nuevo número nunca odio oído
ojo ojos olvidar oreja país pais palabra pan papá papa pareja parte pasar payaso pedir pelea
pelear película pelo pensar pequeño perder perdona perro persona piel pierna piso playa pobre
poder policía pregunta preguntar primo problema pronto pueblo puerta qué quedar querer rápido
rapido razón razon regalo reír reir respeto rico robar rojo romper ropa sabor sacar salir sangre
seguro semana sentir señor sexo siguiente silla sitio sobrino sol solo sólo sueño suelo tal
también tampoco tanto tarde teléfono telefono temprano tengo tiempo tienda tierra tipo tirar
todavía tomar trabajar trabajo traer tranquilo triste último ultimo único vaca vender venir
ventana ver verano verdad verde vergüenza verguenza vestido viaje vida viejo viejos vieja
viernes vino vivir volver voz vuelta zapato odias quieres puedes dale vayan váyanse callense
cállense lárgate largate basura rata ratas escoria asco asqueroso payasa guarra idiotas
estúpidos imbéciles pendejos cabrones putos mamones culiao culiado weón weon huevón huevon
gonorrea carajo pajero pajera chupa chúpame chupame tarado tarada subnormal mongolo mongólica
retrasado retrasada inútil inutil malparida perra zorra bello bella basta por mi ve amo ama mía
padre mal te has uno del vi deja mes tres serio dos hola el los las una unos unas pero porque
porq xq para con sin sobre entre desde hasta quién quien cómo cuando cuándo dónde donde cuál
cual esto esta este estos estas eso esa ese esos aquí aqui ahí ahi allí alli tú él ella nosotros
nosotras vosotros ellos ellas usted ustedes nos os les mis tus su sus nuestro nuestra muy mucha
muchos muchas poco menos tambien sí soy eres somos sois está estás estoy están estan estamos fue
ser estar hay hace hacer haces hago tiene tienes tenemos tener voy vas vamos van puedo puede
quiero quiere dice dijo digo sé sabe sabes saber creo veo mire oye gracias adiós adios buenos
buenas buen bueno buena malo mala día dias días noches ahora siempre nada todo todos todas algo
alguien otro otra vez cosas amiga amigos tío tía tia güey guey wey hermano hermana pues entonces
vale venga perdón perdon siento favor ayuda ayúdame cállate callate vete importa encanta gusta
cansado loco loca peor claro pasa pasó onda chido chévere chevere bacán bacan guay mola tmb tb
tbn tqm tkm dnd pq ke xfa porfa porfavor feliz cumpleaños suerte vemos manana gusto lo ándale
andale ojalá ojala oiga digame dígame señora chicos niña estaba tenía había hablas habla sabía
hecho mato mataré matare muérete muerete
""",
    "it": """
carta quarto corno far ultimo primo casi unico numero cerca idee campo note date facile minuto
parti preciso tante calma maestro decide su abbastanza accanto acqua adesso aiuto aiutami altro
alto amore anni anno aperto appena aprire arrivare aspetta aspettare attento avanti avere bacio
bagno bambino bambina bambini basso bere bianco birra bisogna bisogno bocca buono buonissimo
buttare cadere caffè caldo cambiare camera cane cantare capire capito casa caso cattivo cena
cercare che chiamare chiedere chiudere cielo città colpa cominciare compagno comprare conosco
contento coraggio corpo correre così cosi credere cuore cucina dammi dare davanti decidere
dentro detto dico dietro difficile dimmi dio dire dito divertente dolce dolore donna dormire
dovere dunque entrare esempio essere estate famiglia fatto favore felice fermo festa figlia
figlio finalmente fine finestra finire fino fiore forse forte fortuna fratello freddo fuoco
fuori gatto gente giocare gioco giornata giorno giovane giusto gola grazie guardare guerra ieri
importante incontrare infatti inizio insieme invece lasciare lavorare lavoro leggere letto
libero libro lontano luce lungo madre mai mamma mangiare mano marito mattina meglio meno mente
mentre mese mezzo mille minuti moglie molti momento mondo morire morto muovere nascere naso
natale nero nessuno niente noia nome notte nuovo occhi occhio odio oggi ogni ora ormai ospedale
padre paese pagare parlare parola parte partire passare paura pazzo pazza peggio pensare perché
perso persona piangere piano piccolo piede pieno pioggia più poco polizia porta portare
possibile potere povero pranzo prendere presto problema pronto qualcosa quasi ragione regalo
ricordare ridere rimanere risposta ritornare roba rosso rumore sangue sapere sbagliato scrivere
scuola scusami sembra sempre sentire senza sera serio sesso settimana sicuro signora signore
simpatico soldi sole solo sonno sopra sorella sorriso sotto spesso sposare stanotte stare
stasera stesso storia strada subito succede sulla tanto tardi tavolo telefono tempo tenere terra
tesoro tipo tornare treno triste troppo trovare tutto uccidere uomo uscire vecchio vedere vedi
veloce venire verde vergogna vero vestito via viaggio vicino vieni vita vivere voce voglia
volere zitto cazzone cazzona stronzate merdaccia puttanella troione bastardi ignorante ignoranti
pagliaccio pagliacci rompicoglioni rompipalle idioti cretini deficienti imbecilli scemi fallito
fallita schifoso sfigati terrone terroni negro ritardato ritardata mongoloide incapace buffone
vergognati cagare essa qual perchè poichè te mi cara ben é né so come dice tonto una venga ce
quel quelle sa il gli uno della dello delle degli del nel nella alla allo alle agli dal dalla
sul per tra fra ed anche però perche cosa chi dove quando quanto quale questo questa quello
quella qui qua lì là sono sei è siamo siete hai abbiamo avete hanno non sì ci vi lui lei noi voi
loro mio mia tuo tua suo sua nostro nostra molto piu già gia ancora nulla tutti tutte qualcuno
bene bello bella brutto brutta domani poi dopo prima ciao prego scusa scusate buongiorno
buonasera buonanotte salve dai allora boh beh vabbè vabbe magari comunque quindi davvero proprio
fare faccio fai andare vado vai andiamo dici vuoi voglio posso puoi può puo devo deve sai stai
sto stiamo ragazzi ragazzo ragazza amico amici zio certo figurati c'è dell' all' nell' sull'
dall' un' quest' po' tranquillo madonna piace piaci bellissima bellissimo fame stanco stanca
serata fammi vediamo compleanno buon buona buone buoni basta volta grande piccola ecco ognuno
cioè cioe cazzo cazzi cazzata cazzate minchia stronzo stronza stronzi vaffanculo fanculo
affanculo coglione coglioni puttana troia porca porco scemo scema cretino cretina deficiente
stupido stupida imbecille frocio finocchio schifo schifosa palle sfigato sfigata ammazzo
ammazzare muori zitta testa merdoso
""",
    "tr": """
size normal alt futbol tür anda acaba açık acik adam ağabey ağla ağlama akıl akil aklın aklin al
alo anla anladım anladim anlamadım anne anneni annen araba arkadaş arkadas artık asla ateş ay
aynı ayni az baba babana baban bak bakalım bakalim bakar bana bari baş bas başka baska başla
bekle belki ben benden beni bile bilgi bilmem bir biraz bitti biz boş bugün bunu bura burada
büyük buyuk canım canim cevap çabuk çalış calis çıkar çocuk cocuk çünkü cunku dağ daha dakika
değer demek demiş dedi deli dert devam diye doğru dogru dost dur durum düşün dusun efendim ekmek
elbette en erkek ev evet evlen fakat fazla film gece geç gel gelecek gelir gerçek gercek gerek
git gitti göre gore göz goz gün gun güzel gülmek geliyor haber hadi hak hakkında hala hâlâ hangi
hani hasta hata hayat hazır hemen hep herkes herşey hersey hızlı hiç hoca için ilk insan iş iste
istiyorsun izin kadar kadın kadin kafa kafan kafayı kalk kapı kapa kardeş kardes karı kız kiz
kızım kim kitap kolay konuş konus köpek kopek korku koş küçük kucuk lazım lazim maç mac mutlu
nasıl ne neden nerede niye o oğlum oglum oku okul ol olacak olan oldu olmuş olur on ona onu
orada orası para parti pek problem rahat sabah sadece sakın saat sağ sana sanki sen senden seni
sev sevgi sevgilim sevgili sevmek sevdim şehir sehir şey sey siz söyle soyle söz sonra su sus
şimdi takım tamam tanrı tatlı tek telefon teşekkür tüm tum uyku uyu var ver vur yalan yalnız
yani yap yapma yardım yarın yaşa yaşıyor yemek yeni yer yine yok yol yoksa yüz zaman zor
gerizekalılar salaklar aptallar şerefsizler orospular pislik piçler ananı ananın anan anani
bacını bacini sikeyim sikerim sokayım sokayim götveren yavşaklar dangalaklar mankafa hayvan
hayvanlar terbiyesiz ahlaksız ahlaksiz kaltak sürtük surtuk puşt pust godoş gavat hain hainler
rezil bin ve bu şu onlar bizi sizi benim senin onun bizim sizin niçin nicin nasil nerde nereye
nereden kaç kac değil degil hayır hayir peki ama ise gibi icin ile çok cok mı mu mü misin mısın
musun müsün miyim mıyım misiniz ki simdi önce once bugun yarin dün dun hic her hepsi bence sence
olsun olmaz olmus işte haydi abi abla kanka kardeşim kardesim lan ulan yaa merhaba selam slm mrb
naber nbr nasılsın nasilsin iyi iyiyim kötü kotu guzel tesekkur teşekkürler tesekkurler sağol
sagol sağolun eyvallah lütfen lutfen tebrikler günaydın gunaydin geceler akşamlar aksamlar
görüşürüz gorusuruz hoşçakal hoscakal geldin hoş hos bilmiyorum biliyorum istiyorum seviyorum
geliyorum gidiyorum artik komik yorgunum haklısın haklisin söyleme soyleme yapıyorsun yapiyorsun
napıyorsun napiyorsun ayıp ayip inşallah insallah maşallah masallah bos şaka saka nerdesin
neredesin ağzını agzini topla kes sesini defol aptal aptalsın aptalsin salak salaksın gerizekalı
gerizekali orospu piç siktir sikik amk aq amına amina amcık yavşak yavsak şerefsiz serefsiz ibne
kahpe pezevenk dangalak öküz okuz hıyar hiyar geber öldürürüm oldururum bok
""",
    "ru": """
privet spasibo spasibki poka blyat blyad blya suka nahui nahuy pizdec pizdets davai davay
horosho khorosho ochen tebya menya pochemu chto shto nichego ladno normalno konechno
zdravstvuyte
""",
    "de": """
die war probleme idee haut chef normal art rest person text plan stand bus abend aber alle
allein alt anders anfang angst antwort arbeit arbeiten arm arsch auch auge augen aussehen auto
baby bald bauch baum beide bekommen besser beste bett bier bild bisschen bleiben blöd brauchen
brief bringen bruder buch danke dann darf darum dein denken denn deshalb deutsch dich dinge doch
dorf draußen drinnen dumm dürfen ecke egal ehrlich eigentlich einfach einmal eltern ende endlich
entweder erst essen etwas fahren fall falsch familie fangen farbe fast fehler feiern fenster
fernsehen fertig fest feuer film finden fisch flasche frage fragen frau freund freundin freunde
frieden froh früh frühstück fühlen führen fuß ganz garten geben geboren geburtstag gefällt gegen
gehen geld gemacht genug gerade gern geschenk gesicht gestern gewinnen glauben gleich glück
glücklich gott groß grün grund gruß haare hals halten hand hängen hart hause haus heiß heißen
helfen herz heute hilfe himmel hoch hoffe hoffentlich hören hund hunger immer jahre jeder jemand
jetzt junge kaffee kalt kaputt kaufen kennen kind kinder klein kommen kopf kosten krank krieg
küche kurz lachen land lang langsam lassen laufen laut leben leer legen lehrer leicht leider
lernen lesen letzte lieb lieben lieber liegen links los luft lustig machen mädchen mama manchmal
mehr meinen meinung mensch menschen messer mich minute mist mittag möchte mögen monat mond müde
mund musik mutter nacht name nase natürlich neben nehmen nett neu nichts nie niemand noch nummer
oben ohne papa paar passiert pech platz polizei problem rauchen recht rechts regen reden reise
richtig ruhig sache sagen sauer schade schauen schlafen schlagen schlecht schluss schnell schon
schreiben schuld schule schwer schwester sehen seite selbst sicher sitzen sofort sohn sollen
sommer sonne spaß spät spielen sprechen stadt stark stehen sterben stimme straße stunde suchen
tag tante teuer tisch tod tot tragen traurig treffen trinken tür tun über übrigens uhr unten
vater verdammt vergessen verloren verstehen viel vielleicht voll vorbei wahr wald warten warum
wasser weg weil weinen weiter welt wenig werden wetter wichtig wieder wissen witz woche wohl
wohnen wollen wort wunderbar zeit zeitung ziemlich zimmer zusammen arschlöcher idioten
hurensöhne wichsers missgeburten drecksau dreckig drecks schwein schweine sau vollpfosten
hohlkopf spacko spasten mongo behinderte kanake kanaken nazi penner pisser fresse is idiot also
am an im man so u was um aller der das den dem des ein eine einen einem einer und oder wenn dass
daß als wer wo wieso weshalb wann welche welcher ich du er sie wir ihr mir dir uns euch mein
meine deine sein seine ihre nicht kein keine keinen nur sehr viele gar morgen hier dort nein mal
eben bitte dankeschön hallo tschüss tschüs tschuess tschuss moin servus grüß gruss gut gute
guten schön schoen schöne schönes geil krass bin bist ist sind seid hab habe hast hat haben
hatte wird kann kannst können koennen muss musst will willst soll sollst geht gehts geht's gibt
mach macht sag weiß weiss glaube denke finde mit von zu für fur fuer auf aus bei nach uber ueber
unter vor durch zum zur beim vom ins alles leute mann jahr genau stimmt echt wirklich natuerlich
naja ach toll klar gerne entschuldigung vielen dank wochenende ahnung später spaeter liebe hasse
bringe reicht reicht's mach's halt's wie scheiße scheisse scheiß scheiss arschloch fick ficken
fotze hure hurensohn wichser depp trottel vollidiot spast spasti missgeburt opfer schlampe
schwuchtel verpiss verpisst maul klappe kacke quatsch bloed blöde dummer dumme doof bescheuert
behindert dreck
""",
    "pt": """
seguro gentil historia estas vemos gente tomar ir falta país celular poder comprar querer caso
vaca fácil voz junto maldito maldita horas forte único calor finalmente acaba auge aprender
último explicar abrir guerra domingo mente anda duro pede bastante chupa número campo encontrar
ignorante primo vestido mongol dito tranquilo mentiroso acabo inútil sol tal pelo abaixo aberto
abraço acabou acho acordar agora água ajuda ajudar alegria algum alguma amanhã amiga amigo amor
andar ano anos antes apenas aqui assim atrás aula avó avô bairro baixo banho barato beber beijo
beijos bicho bobo boca bonito braço briga buscar cabeça cachorro cada cadê cade cair calma cama
caminho cansado cantar carne caro carro casa casar cedo céu chamar chato chega chegar chorar
chuva cidade coisa coisas começar comer comida como conhecer contigo coração corpo correr
criança culpa cuidado dançar dar deixa deixar demais dentro depois desculpa dinheiro direito
dizer dormir doente dor embora entender escola escrever esperar esposa estranho estudar falar
família favor fazer feio feliz festa fica ficar filha filho fim fogo fome frio fugir futebol
ganhar garota garoto gato gostar gosto grande gritar hoje homem hora igreja irmã irmão janela
jeito jogar jogo juntos lado lembrar ler livre livro longe louco lugar luz mãe mae maior mais
mal mandar maneira manhã mão mar marido medo melhor menina menino menos mentira mesa meio mesmo
mim minuto moça morar morrer morto mulher mundo música nada namorada namorado nem nenhum ninguém
noite nome nunca obrigado olhar olho olhos onde ontem ouvir pai pais palavra parar parece passar
paz pedir pegar pensar pequeno perder pergunta pessoa pessoas pior pobre polícia porta pouco
preciso problema procurar professor quarto quase queria rápido razão rico rir roupa saber sabia
saco sair sangue saudade semana sempre sentir sério sexo sozinho sorriso tanto tarde tchau
telefone tempo terra tipo tirar trabalho trabalhar triste vamos velho vender ver verdade
vergonha vez vida vir viver você volta voltar filho-da-puta fdps idiotas burros babacas otários
otarios viados arrombados vagabundos bostas escrota escroto canalha nojentos imbecis retardados
retardada mongoloide fuder fudido fodido foda-se desgraça desgraca merdinha cuzinho puta putinha
vadia vadias piranhas prostituta macaco lixo mês sono devo sul li prima basta digo tio jamais cê
vai sobre quanto ama dia cala logo até ser está esta para porque por que mas te amo do so algo
claro desde dias entre estar igual importa loco matar mato pq puto sabe somos tia todas todo
amigos bonita gordo gorda imbecil onda tb tmb dois tres certo deve lei quando sai sua vi aq os
um uma uns umas ou com sem em na nas dos das quê quem qual isso isto esse essa aquele aquela aí
lá eu voce vc vcs ele nós vocês voces eles elas meu minha teu tua seu nosso nossa dele dela
muito muita muitos muitas também tambem já ainda tudo todos alguém alguem ninguem não nao sim é
são sao sou estou estamos estão estao tá tô foi ter tem tenho temos vou pode posso quer quero
sei fala falou diz disse olha olá oi obrigada valeu vlw beleza blz bom boa bons amanha então
entao msm galera pra pro né neh tbm td bem legal engraçado aconteceu parabéns parabens certeza
cansada liga sorte aniversário aniversario ta ah serio cara mano kkk kkkk rs rsrs fdp pqp vsf
vtnc tnc porra caralho foda foder fodase fudeu viado cu cuzão cuzao arrombado arrombada otário
otario babaca vagabundo vagabunda piranha desgraçado desgracado corno safado safada nojento
nojenta chata bosta buceta
""",
    "fr": """
son sera abord absolument accord acheter adorer affaire âge aide aider aimer ainsi air aller
alors ami amie amis amour an ancien ans appeler apprendre après apres argent arrête arrete
arrêter arriver assez attendre attention aucun autre autres avant avoir bah beau beaucoup besoin
bête bete bien bientôt bisous blague boire bois bouche bouger boulot bras bruit bureau ça cadeau
café calme carrément cas casser cause chambre chance changer chaque chaud chef chemin cher
chercher cheveux chien choisir chose choses ciel coeur cœur combien comme commencer connais
connaître content continuer copain copine corps côté coucher couleur coup courir cours crois
croire cuisine dame danger demande demander depuis dernier derrière dès descendre dessus deux
devant devenir devoir dieu dis dites dommage donner dormir dos doucement douleur droit drôle eau
école écouter écrire effet encore enfant enfants enfin ensemble ensuite entendre entrer envie
envoyer erreur espère essayer étoile être eux exactement excuse excusez facile faim falloir
famille fatigué faut faux femme fenêtre fermer fête feu fille film fin finir fois fort fou folle
frère froid gamin garçon garder gens gentil gosse grave gros guerre habiter haut heure heures
heureux histoire homme honte hôpital idée jambe jardin jeune jeu joli jouer jour journée juste
là laisser laisse lait lendemain lever libre lire livre loin longtemps lumière lundi madame main
maintenant mais maison malade maman manger manière marcher mari matin mauvais meilleur même mère
merci mettre midi mieux milieu minute moins mois monde monsieur mort mot mourir musique nez noir
nom nouveau nouvelle nuit oeil œil oublier papa parce parler partir passer payer pendant penser
perdre père personne petit petite peur peut-être photo pied pire place plaisir pleurer pluie
plutôt porte porter poser possible pote prendre presque prêt prix problème prochain propre puis
quartier quelque question rappeler regarder rendre rentrer répondre rester retour revenir rêve
rire roi rouge rue salle sauf savoir semaine sens sentir seul seule seulement soeur soir soleil
sortir souvent suite suivre surtout table tard tête téléphone temps tenir terre tomber toujours
travail travailler traverser triste trouver tuer vache vécu venir vérité verre vie vieux ville
vite vivre voiture voix vrai vraiment yeux connards connasses salopes enculés encules enfoirés
enfoires batards bâtards fdp pd pédé tapette gouine chienne cassos casse-toi dégueulasse
degueulasse clochard crevard crevé sous-merde bouffons boloss bolosse baltringue teubé teube
mongol attardé attarde triso trisomique ordure ordures racaille mal non ta te que anniversaire
idiot les une des du et donc qui quoi quand comment pourquoi où ce cet cette ces ca ceci cela je
elle nous vous ils elles moi toi leur mon mes ton tes sa ses notre votre pas plus très tres trop
bon bonne peu rien tout tous toute toutes quelqu'un aussi déjà deja jamais aujourd'hui demain
hier ici oui ouais suis sommes êtes etes sont ai avons avez ont était etait été ete fait faire
fais vais vas allez peux peut veux veut dois doit sais sait dit dire vois voir c'est cest j'ai
jai dans pour avec sans sur sous chez vers salut bonjour bonsoir coucou bisou mdr ptdr stp svp
slt bjr dac c' j' qu' n' s' t' m' t'es t'as j'suis j'sais chuis truc trucs mec meuf gars chais
chui jsp jpp tkt t'inquiète nul nulle d'accord dacc sûr cool quel quelle neuf tant pis voilà
fatigue déteste deteste n'importe importe abruti gueule ferme tais dégage degage putain merde
con conne connard connasse salope salaud enculé encule enfoiré enfoire pute nique niquer ntm
débile debile crétin cretin imbécile imbecile bouffon batard bâtard
""",
}

# Insults and profanity: people curse in their own language, so outside English (whose swear
# words travel into every chat language) they are stronger evidence than an ordinary word.
INSULTS: Final[dict[str, str]] = {
    "es": """
mierda joder coño cono hostia puto pendejo pendeja pendejos pendejada cabrón cabron cabrones
gilipollas imbécil imbecil estúpido estupido estúpida estupida tonto tonta marica maricón
maricon culero culera chinga chingada chingar chingas verga pinche mamón mamon mames hijueputa
malparido boludo boluda pelotudo pelotuda concha zorra perra asqueroso asquerosa basura feo fea
gordo gorda
""",
    "it": """
cazzo stronzo stronza vaffanculo fanculo coglione puttana troia scemo scema cretino cretina
deficiente stupido stupida imbecille frocio schifoso schifosa sfigato minchia
""",
    "tr": """
aptal salak gerizekalı gerizekali orospu piç siktir sikerim sikik amk aq amına amina amcık
yavşak yavsak şerefsiz serefsiz ibne kahpe pezevenk dangalak öküz hıyar geber
""",
    "de": """
scheiße scheisse scheiß scheiss arschloch fick ficken fotze hure hurensohn wichser depp trottel
vollidiot spast missgeburt opfer schlampe schwuchtel verpiss maul klappe kacke dumm blöd
bescheuert behindert penner
""",
    "pt": """
porra caralho foda foder fodase fudeu viado cu cuzão cuzao arrombado arrombada otário otario
babaca vagabundo vagabunda piranha desgraçado desgracado corno safado nojento bosta buceta
""",
    "fr": """
putain merde con conne connard connasse salope salaud enculé encule enfoiré enfoire pute nique
niquer ntm débile debile crétin cretin abruti bouffon batard bâtard
""",
}

# Very frequent words of languages that py3langid knows but Civility does not support: they
# vote for "not one of ours", so a short Dutch or Polish message is not taken for German.
OTHER_WORDS: Final[dict[str, str]] = {
    "nl": """
ik het een niet wat zijn maar ook nog wel naar voor hoe gaat goed dank bedankt jij jullie heel
geen kunnen mij weet waar waarom moet wil hebben heb goedemorgen alsjeblieft doei
""",
    "pl": """
jest nie się sie że ze jak tak czy już juz dziękuję dziekuje dzięki dzieki cześć czesc dobry
dzień dzien bardzo proszę prosze kurwa mać mac słychać jestem masz może moze
""",
    "sv": """
och jag inte det är har mycket tack hej vad hur mår bra nej också ocksa för med
""",
    "cs": """
děkuji dekuji ahoj jsem není neni máš mas dobrý dobry taky prosím prosim jsi který
""",
    "ro": """
și sunt este mulțumesc multumesc bună ziua faci ești nu-i foarte bine mersi
""",
    "id": """
yang tidak aku apa ini itu ada saya terima kasih dengan untuk sudah belum bisa
""",
    "ca": """
però també molt gràcies gracies adéu adeu amb què perquè això aixo bon dia
""",
}

# Cyrillic texts are Russian unless these words (or Ukrainian letters) say otherwise.
CYRILLIC_WORDS: Final[dict[str, str]] = {
    "ru": """
что это спасибо привет меня тебя его только очень хорошо сейчас почему тоже если когда уже нет
ладно пожалуйста здравствуйте сегодня завтра ничего может можно нужно надо здесь где куда зачем
кто какой такой вот пиздец нахуй пошёл пошел урод тупой пока норм спс
""",
    "uk": """
що дякую ласка будь добрий дуже також чому зараз щось ще це цей ця як мене вже хлопці бо аби але
коли де тому якщо немає треба можна хто який яка яке ні мені вони вона він його її їх буде були
було привіт дякуємо
""",
    "bg": """
благодаря какво здравей здравейте съм си сме сте са защо къде кога нещо някой искам искаш утре
днес тук който която които аз тя ние
""",
}
