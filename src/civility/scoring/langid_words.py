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
mmm a yaa via foto wifi total mega gol crack videos gratis ye pd grave partir auto uber eu fdp
pro gay vale ke plus tipo grande nu super top bravo taxi pizza hotel video internet bla blah www
http https ahah ahahah ahahaha haha hahaha hehe hihi jk boom rip gg wp mr ms dr vs etc tv pc
"""

# Short function words of a few languages each: no vote, but they narrow the choice to those
# languages ("sei un idiota": "sei" is Italian or Portuguese, "un" Italian, Spanish or French).
FEW: Final[dict[str, str]] = {
    "no": "en es it pt", "si": "es it fr pt", "o": "es it pt tr", "e": "it pt", "i": "en it pl cs",
    "y": "en es fr", "u": "en de es", "ha": "en es it pt", "he": "en es", "ho": "en it",
    "ja": "de pt nl sv pl", "ya": "en es tr", "yo": "en es", "me": "en es it pt fr",
    "se": "es it pt fr", "tu": "es it pt fr", "mi": "es it tr", "te": "es it pt fr",
    "na": "pt pl cs de", "ne": "it fr tr de", "da": "it pt de tr es", "de": "es pt fr tr nl ro",
    "la": "es it fr", "le": "it fr es", "lo": "es it", "al": "es it tr", "il": "it fr",
    "es": "es fr de", "en": "es fr tr nl", "un": "es it fr", "in": "en it de nl", "on": "en fr",
    "di": "it id", "con": "es it fr", "ma": "it fr", "as": "en pt fr", "à": "fr pt it",
    "era": "es it pt", "das": "de pt es", "des": "fr de",
}  # fmt: skip

WORDS: Final[dict[str, str]] = {
    "en": """
non style font lmk rekt owned cringe based salty toxic spam spamming spammer stream streamer
streaming lagging lag noob noobs newbie camping camper carry carried teammate teammates report
reported ban banned mute muted kick kicked admin mod mods follow followed follower followers
subscribe subscribed channel content creator upload uploaded watch watched imagine literally
basically totally honestly seriously anyways whatever whoever somehow nah naw yea yeh ye aight
ight dope lit sick epic awkward boring annoying ridiculous hilarious adorable gorgeous
disgusting pathetic clown clowns crying cried mad angry upset scared worried sorry excuse
welcome congrats congratulations goodbye goodnight morning afternoon tonight tomorrow yesterday
weekend holidays vacation school homework teacher class mom dad brother sister wife husband
girlfriend boyfriend buddy pal mouth face head brain ass butt sucks sucker wish wished hope
hoped guess guessed account delete deleted aged kid kiddo grow grown loser losers idiot idiots
everyone everybody someone chose gross hat mayor arm brief sole professor mere links alt land
photo meme dis about above across actually add afraid again against age ago agree ahead air
alone along already alright although always amazing animal another answer anymore anyway
anywhere apart apparently around arrive art asking attack attention aunt away awful baby back
bad badly bag ball bank bath beat beautiful became become bed beer behind believe below beside
best bet better between big bill bit black blame blind blood blow blue body book born borrow
boss both bother bottom bought box brave bread break breakfast bring broke broken brought build
built burn bus business busy buy call called calm came camera cannot car card careful case cat
catch caught cause change chance cheap cheat cheating cheers chicken child children choose
church city clean clear clearly close clothes club cold color colour coming company complete
completely computer cool correct cost couch country couple course cousin crazy cry cup cut cute
daddy dance dangerous dare dark date daughter dead deal dear death decide deep definitely
deserve did die died difference different dinner dirty doctor dog dollar door doubt draw dream
dress drink drive driver drop drunk dry during early earth easy eat eating else email end enemy
enjoy enough enter even evening event exactly example except excited expect expensive experience
explain eye eyes fact fair fake fall family famous fan far fast father fault favorite favourite
fear feeling feet fell fellow felt fight figure fill film finally find finish finished fire
first fish fit fix floor fly food fool foot forever forget forgive forgot forward found free
freaking friday full funny future gave gets getting gift give glad glass god gone gun guy hair
half hand handle hang happen happens hard hardly health hear heard heart heavy hello helped
helping her here hers hey hide high hit hold holy home honest horrible horse hospital hot hour
hours house huge human hungry hurry hurt ice idea ill important inside instead interesting
jealous joke joking just keep kidding kids kill killed killing kind king kiss knew knock know
knows lady language large last late later laugh laughing lazy lead learn least leave left less
lesson letter liar lie lies life lift light likes line list listen little live lives living
lonely long longer looking lose losing lost lot lots loud lovely low lucky lunch made mail main
making mama many married match matter maybe meet meeting member mess message met middle might
mind minute minutes miss missed mistake moment money month months mood more mother move movie
much mum music myself name naked near nearly neck need needs neighbor nervous new news next nice
nigga nigger nine none normal nose note nothing notice number obviously off office often old
once one ones online only open opinion order others otherwise outside own page paid pain paper
parents part party pass past pay peace perfect perhaps person phone pick picture piece place
plan plane play player please point police poor possible power pray pretty price prison problem
problems promise proud pull punch pussy put question quick quiet quit race rain rather read
ready real reason red relax remember reply rest rich ride road room rude rule rules run running
safe said same save saying scream second secret seem seems sell send sense serious seven several
sex sexy shoot shop short shot show shower side sign silly simple sing single sit sitting size
sleep sleeping slow small smart smell smile someday sometimes somewhere son song soon sort sound
speak special spend stand star start started stay step stick stop story straight strange street
strong student study stuff stupid such suddenly summer sun sunday support supposed sure surprise
sweet table talk talking taste tears teeth telling terrible test text than thank thanks
themselves thing think thinking third thirty though thought three threw throw ticket till tiny
together told took top touch town trip trouble truck truly trust truth trying turn twice two
type uncle under understand unless used useless usually very voice wait waiting wake walk wall
wanna wanted war warm wash watching water weak wear weather wedding week weird went wherever
whether white whole win wind window within without woke won wonder wonderful word words world
worry worse worth wow write writing wrote yeah year years yell yellow yet young shitty cock
cocks boobs tits penis vagina nazi nazis terrorist scum idiotic stupidity hater haters weirdo
freak creep pervert pedo pedophile dork nerd geek lame legal em pic to hoe comment hi bye is u
the an and or but if of at by for from with into like over after before up down out not nor yes
yep yup nope me my mine you your yours yourself he him his she it its we us our ours they them
their theirs this that these those there what which who whom whose when where why how all any
each few most other some so too can could will would shall should may must do does done doing
have has had having be been being am are was were isnt arent wasnt werent dont doesnt didnt wont
cant couldnt wouldnt shouldnt im youre hes shes theyre ive youve weve youll id lets thats whats
theres whos isn't aren't wasn't weren't don't doesn't didn't won't can't couldn't wouldn't
shouldn't i'm you're he's she's it's we're they're i've you've we've i'll you'll i'd let's
that's what's there's who's hiya heya thx tnx ty tysm pls plz sry lmao lmfao rofl idk idc imo
imho tbh btw brb afk gtg ttyl ngl smh fyi irl nvm ikr ily ur yall y'all ppl cuz coz gonna gotta
dunno lemme gimme kinda sorta dude bro bruh mate guys folks good great worst love loved hate
hated liked want see saw seen look looks go goes going get got gotten make makes take come say
says tell ask asked people man men woman women girl girls boy boys friend friends things time
day days night today birthday now then still never ever really probably right wrong true well
something everything anything anyone nobody somebody way work works played game games post posts
happy sad mean means help let try feel fine fun awesome ugly dumb moron jerk because while until
since every also shut check sharing share job team happened tired sounds care cares omw hbu wyd
wbu hmu smth sth bday gj np fuck fucking fucked fucker fuckin fck fuk fcking f*ck f**k f***
fking fkin shit bullshit crap damn dammit goddamn hell suck sucked dick dickhead cunt bastard
whore slut retard retarded trash garbage kys stfu gtfo nub asshole bitch bitches twat wanker
prick douche douchebag jackass dumbass motherfucker mf stupidass morons gay faggot fag
""",
    "es": """
idiota idiotas pronto toda segunda vídeo delicia fria frio seria pense pelos paciencia navidad
saludos saludo feliz año nuevo cumple besos abrazo abrazos cuídate cuidate descansa gracias
graciass mil perdona perdóname disculpa disculpen oigan miren vengan vamonos vámonos quiero
quieres quiere queremos tengo tienes tiene tenemos tienen hago haces hace hacemos hacen digo
dices dice decimos dicen sé sabes sabe sabemos saben puedo puedes puede podemos pueden voy vas
va vamos van vengo vienes viene venimos vienen estoy estás está estamos están soy eres es somos
son creo crees cree pienso piensas piensa siento sientes necesito necesitas hablas habla hablo
entiendo entiendes entiende conozco conoces juego juegas juega jugamos alguien nadie ninguno
cualquier cualquiera mismo misma mismos todavía aún aun ahorita apenas luego entonces después
despues antes mientras siempre nunca jamás casi demasiado bastante muy mucho poco menos más
mejor peor grande pequeño pequeña chiquito chiquita bonito lindo linda feo fea rico rica malo
mala bueno buena buenísimo genial increíble increible horrible aburrido aburrida divertido
divertida gracioso graciosa chistoso chistosa raro rara odio odias odia odian vergüenza
verguenza pena estafa estafador ladrón ladron cállate callate cállense callense lárgate largate
vete váyanse vayanse muérete muerete vergas chingas chingón chingon cabrona pinches putita
putito zorra zorras perras gilipollas capullo capulla mamón mamona pendeja pendejas pelotudo
pelotuda boludo boluda huevón huevona weón weona conchetumare ctm csm hijueputa malparido
malparida gonorrea subnormal retrasado retrasada imbécil imbéciles estúpidos estúpidas tarados
tarado asqueroso asquerosa cerdo cerda rata basura escoria payaso payasa mentiroso mentirosa te
mato matar morir muerto muerta sangre golpe golpear pegar matarte bonita preciosa precioso
hermosa hermoso guapa guapo crack máquina maquina mexico méxico españa argentina colombia chile
perú venezuela contento cantar importe roba sana gente parece caso dar real color normal opinion
plan simple animal dio leer ay minuto juntos guerra paz acaba queria saco ignorante parar mente
pedo calma finalmente puta putas abajo abierto abrir abuela abuelo acá aca acabo acuerdo además
ademas afuera agua aire alegre algún algun alguna allá alla alto amor amigo anda andar años ano
anos aprender arriba así asi atrás aunque ayer bailar bajo bañar barato barrio beber besito bien
bienvenido blanco boca brazo buscar caballo cabeza cada caer café calle calor cama cambiar
caminar campo canción cansada cara carne caro carta casa celular cena cerca cerveza chamba chica
chico cielo cierto cine ciudad coche cocina comer comida compañero comprar conmigo conocer
contigo corazón correr cosa creer cuánto cuanto cuarto cuello cuenta cuerpo cuidado culpa dame
decir dejar dentro derecho dile dinero dios dirección doble dolor domingo dormir dueño duro
echar edad ejemplo embarazada empezar encontrar enfermo enojado entender escribir escuela
espalda esperar esposa esposo estúpido estudiar explicar fácil facil falta familia fiesta fin
foto frío fuego fuera fuerte fútbol futbol ganar gato gobierno gordo gritar gustar haber hablar
hacia hambre hija hijo historia hombre hora horas hospital hoy idea iglesia igual importante
infierno ir jamas jefe joven jugar junto lado largo leche lejos lento libre libro listo llamar
llegar llevar llorar lluvia lugar luz madre maestro maldita maldito maldición mamá mama mandar
manera mano mañana mar marido mayor medio mentira mesa miedo mierda mío mira mirar mitad momento
mujer mundo música musica nacer negro ningún ninguna niño niños noche novia novio número oído
ojo ojos olvidar oreja país pais palabra pan papá papa pareja parte pasar pedir pelea pelear
película pelo pensar perder perro persona piel pierna piso playa pobre poder policía pregunta
preguntar primo problema pueblo puerta qué quedar querer rápido rapido razón razon regalo reír
reir respeto robar rojo romper ropa sabor sacar salir seguro semana sentir señor sexo siguiente
silla sitio sobrino sol solo sólo sueño suelo tal también tampoco tanto tarde teléfono telefono
temprano tiempo tienda tierra tipo tirar tomar trabajar trabajo traer tranquilo triste último
ultimo único vaca vender venir ventana ver verano verdad verde vestido viaje vida viejo viejos
vieja viernes vino vivir volver voz vuelta zapato dale vayan ratas asco guarra pendejos cabrones
putos mamones culiao culiado weon huevon carajo pajero pajera chupa chúpame chupame tarada
mongolo mongólica inútil inutil perra bello bella basta por mi ve amo ama mía padre mal has uno
del vi deja mes tres serio dos hola el los las una unos unas pero porque porq xq para con sin
sobre entre desde hasta quién quien cómo cuando cuándo dónde donde cuál cual esto esta este
estos estas eso esa ese esos aquí aqui ahí ahi allí alli tú él ella nosotros nosotras vosotros
ellos ellas usted ustedes nos os les mis tus su sus nuestro nuestra mucha muchos muchas tambien
sí sois estan fue ser estar hay hacer tener dijo saber veo mire oye adiós adios buenos buenas
buen día dias días noches ahora nada todo todos todas algo otro otra vez cosas amiga amigos tío
tía tia güey guey wey hermano hermana pues vale venga perdón perdon favor ayuda ayúdame importa
encanta gusta cansado loco loca claro pasa pasó onda chido chévere chevere bacán bacan guay mola
tmb tb tbn tqm tkm dnd pq ke xfa porfa porfavor cumpleaños suerte vemos manana gusto lo ándale
andale ojalá ojala oiga digame dígame señora chicos niña estaba tenía había sabía hecho mataré
matare
""",
    "it": """
film caro idea va fede musica po viene tue pena ai serio seria sul sulla nella nello dello della
degli delle cioè cioe allora quindi però comunque infatti magari forse proprio davvero tipo roba
cosa cose niente nulla nessuno qualcuno ognuno tutti tutto sempre mai ancora già gia subito
adesso dopo prima poi sono sei siamo siete ho hai abbiamo avete hanno faccio fai facciamo fanno
vado vai andiamo vanno vengo vieni veniamo vengono voglio vuoi vogliamo posso puoi possiamo devo
devi dobbiamo dico dici diciamo dicono so sai sappiamo sanno sto stai stiamo stanno capisco
capisci gioco giochi giochiamo gioca rompere rompi rompe spacco spacchi faccia cagare caga
cagata figata figo fico fichissimo bellissimo bellissima fortissimo fortissima bravissimo
bravissima troppo tanto tanti tante poco pochi poche molto molti molte meglio peggio migliore
peggiore piove pioggia sole caldo freddo stanco stanca contento contenta felice triste
arrabbiato arrabbiata incazzato incazzata scherzo scherzi scherzando ragione torto consiglio
consigli d'accordo daccordo accordo insomma boh mah beh uffa dai vabbè vabbe evvai evviva forza
auguri complimenti congratulazioni benvenuto benvenuta benvenuti arrivederci ciao ciaoo sentiamo
vediamo sentirci vederci domani stasera stanotte stamattina oggi ieri merda merdoso cazzo
cazzate cazzata minchia minchiata stronzo stronza stronzi troia puttana puttane zoccola bastardo
bastarda coglione coglioni cretino cretina deficiente idiota idioti imbecille imbecilli scemo
scema scemi sfigato sfigata terrone polentone vaffanculo fanculo affanculo ammazzo ammazzare
uccido uccidere ammazzati carta quarto corno far ultimo primo casi unico numero cerca idee campo
note date facile minuto parti preciso calma maestro decide su abbastanza accanto acqua aiuto
aiutami altro alto amore anni anno aperto appena aprire arrivare aspetta aspettare attento
avanti avere bacio bagno bambino bambina bambini basso bere bianco birra bisogna bisogno bocca
buono buonissimo buttare cadere caffè cambiare camera cane cantare capire capito casa caso
cattivo cena cercare che chiamare chiedere chiudere cielo città colpa cominciare compagno
comprare conosco coraggio corpo correre così cosi credere cuore cucina dammi dare davanti
decidere dentro detto dietro difficile dimmi dio dire dito divertente dolce dolore donna dormire
dovere dunque entrare esempio essere estate famiglia fatto favore fermo festa figlia figlio
finalmente fine finestra finire fino fiore forte fortuna fratello fuoco fuori gatto gente
giocare giornata giorno giovane giusto gola grazie guardare guerra importante incontrare inizio
insieme invece lasciare lavorare lavoro leggere letto libero libro lontano luce lungo madre
mamma mangiare mano marito mattina meno mente mentre mese mezzo mille minuti moglie momento
mondo morire morto muovere nascere naso natale nero noia nome notte nuovo occhi occhio odio ogni
ora ormai ospedale padre paese pagare parlare parola parte partire passare paura pazzo pazza
pensare perché perso persona piangere piano piccolo piede pieno più polizia porta portare
possibile potere povero pranzo prendere presto problema pronto qualcosa quasi regalo ricordare
ridere rimanere risposta ritornare rosso rumore sangue sapere sbagliato scrivere scuola scusami
sembra sentire senza sera sesso settimana sicuro signora signore simpatico soldi solo sonno
sopra sorella sorriso sotto spesso sposare stare stesso storia strada succede tardi tavolo
telefono tempo tenere terra tesoro tornare treno trovare uomo uscire vecchio vedere vedi veloce
venire verde vergogna vero vestito via viaggio vicino vita vivere voce voglia volere zitto
cazzone cazzona stronzate merdaccia puttanella troione bastardi ignorante ignoranti pagliaccio
pagliacci rompicoglioni rompipalle cretini deficienti fallito fallita schifoso sfigati terroni
negro ritardato ritardata mongoloide incapace buffone vergognati essa qual perchè poichè te mi
cara ben é né come dice tonto una venga ce quel quelle sa il gli uno del nel alla allo alle agli
dal dalla per tra fra ed anche perche chi dove quando quanto quale questo questa quello quella
qui qua lì là è non sì ci vi lui lei noi voi loro mio mia tuo tua suo sua nostro nostra piu
tutte bene bello bella brutto brutta prego scusa scusate buongiorno buonasera buonanotte salve
fare andare può puo deve ragazzi ragazzo ragazza amico amici zio certo figurati c'è dell' all'
nell' sull' dall' un' quest' po' tranquillo madonna piace piaci fame serata fammi compleanno
buon buona buone buoni basta volta grande piccola ecco cazzi porca porco stupido stupida frocio
finocchio schifo schifosa palle muori zitta testa
""",
    "tr": """
son bi biraz birşey bişey bisey şey sey şöyle böyle öyle aynen tabi tabii elbette kesinlikle
olsun olmaz oldu olur olacak oluyor değil degil değilim degilim misin mısın musun müsün harika
harikasın harikasin süper super mükemmel mukemmel berbat rezalet saçma sacma sıkıldım sikildim
sıkıcı sikici yoruldum yorgunum özledim ozledim seviyorum sevdim gidiyorum geliyorum bekliyorum
biliyorum bilmiyorum istiyorum istemiyorum yapıyorum görüşelim goruselim görüşürüz gorusuruz
konuşalım konusalim bakalım bakalim hadi haydi ordan oradan buradan nereden nerde nerede nereye
neden niye nasıl nasil yani herhalde galiba belki sanırım sanirim bence sence kesin aslında
aslinda zaten hala hâlâ artık kafayı kafayi kafan kendine kendini kendin adam ol helal şanslar
sanslar başarılar ayıp ayip yazık yazik eyvah vay yaa ya lan ulan abi abla kanka kanki reis
hocam yayın yayin biçim bicim oyun oyunu maç mac takım takim gol sana bana ona bunu şunu onu
kimse kimsenin herkes hiçbir hicbir birisi gerizekalı gerizekali salak aptal mal dangalak öküz
okuz hıyar hiyar ahmak beyinsiz şerefsiz serefsiz haysiyetsiz namussuz ahlaksız ahlaksiz
terbiyesiz pislik pis orospu oç oc piç yavşak yavsak ibne puşt pust kahpe kaltak sürtük surtuk
siktir sikerim sikeyim sik amk aq amq amına amina amcık amcik göt götlek öldürürüm oldururum
gebertirim geber bulacağım bulacagim seni sizi size normal alt futbol tür anda acaba açık acik
ağabey ağla ağlama akıl akil aklın aklin al alo anla anladım anladim anlamadım anne anneni annen
araba arkadaş arkadas asla ateş ay aynı ayni az baba babana baban bak bakar bari baş bas başka
baska başla bekle ben benden beni bile bilgi bilmem bir bitti biz boş bugün bura burada büyük
buyuk canım canim cevap çabuk çalış calis çıkar çocuk cocuk çünkü cunku dağ daha dakika değer
demek demiş dedi deli dert devam diye doğru dogru dost dur durum düşün dusun efendim ekmek en
erkek ev evet evlen fakat fazla film gece geç gel gelecek gelir gerçek gercek gerek git gitti
göre gore göz goz gün gun güzel gülmek geliyor haber hak hakkında hangi hani hasta hata hayat
hazır hemen hep herşey hersey hızlı hiç hoca için ilk insan iş iste istiyorsun izin kadar kadın
kadin kafa kalk kapı kapa kardeş kardes karı kız kiz kızım kim kitap kolay konuş konus köpek
kopek korku koş küçük kucuk lazım lazim mutlu ne o oğlum oglum oku okul olan olmuş on orada
orası para parti pek problem rahat sabah sadece sakın saat sağ sanki sen senden sev sevgi
sevgilim sevgili sevmek şehir sehir siz söyle soyle söz sonra su sus şimdi tamam tanrı tatlı tek
telefon teşekkür tüm tum uyku uyu var ver vur yalan yalnız yap yapma yardım yarın yaşa yaşıyor
yemek yeni yer yine yok yol yoksa yüz zaman zor gerizekalılar salaklar aptallar şerefsizler
orospular piçler ananı ananın anan anani bacını bacini sokayım sokayim götveren yavşaklar
dangalaklar mankafa hayvan hayvanlar godoş gavat hain hainler rezil bin ve bu şu onlar bizi
benim senin onun bizim sizin niçin nicin kaç kac hayır hayir peki ama ise gibi icin ile çok cok
mı mu mü miyim mıyım misiniz ki simdi önce once bugun yarin dün dun hic her hepsi olmus işte
kardeşim kardesim merhaba selam slm mrb naber nbr nasılsın nasilsin iyi iyiyim kötü kotu guzel
tesekkur teşekkürler tesekkurler sağol sagol sağolun eyvallah lütfen lutfen tebrikler günaydın
gunaydin geceler akşamlar aksamlar hoşçakal hoscakal geldin hoş hos artik komik haklısın
haklisin söyleme soyleme yapıyorsun yapiyorsun napıyorsun napiyorsun inşallah insallah maşallah
masallah bos şaka saka nerdesin neredesin ağzını agzini topla kes sesini defol aptalsın aptalsin
salaksın sikik pezevenk bok
""",
    "ru": """
privet spasibo spasibki poka blyat blyad blya suka nahui nahuy pizdec pizdets davai davay
horosho khorosho ochen tebya menya pochemu chto shto nichego ladno normalno konechno
zdravstvuyte
""",
    "de": """
sei geile geiles geilen geiler krasser krasse mega echt voll total richtig ziemlich bisschen
verschwinde verschwinden hau ab abhauen nerv nerven nervig peinlich lustig witzig traurig
langweilig schlimm gefährlich schön schöner toll super klasse spitze prima lust keine keinen
keiner nix nichts niemand jemand alles alle etwas irgendwas spielt spielen spiele spielst heute
morgen gestern gleich sofort später bald zurück zuruck dabei dafür dagegen darum deswegen
trotzdem eigentlich übrigens ubrigens bin bist ist sind seid war warst waren habe hab hast hat
haben habt hatte hatten kann kannst können könnt muss musst müssen will willst wollen soll
sollst sollen darf weiß weisst wissen glaub glaube finde findest denke denkst meine meinst komm
kommst kommt kommen geh gehst geht gehen mach machst macht machen sag sagst sagt sagen hör hören
hört schau schauen guck gucken warte warten lass lassen grüße gruesse glück besserung
schwachsinn blödsinn unsinn quatsch mist scheiß kacke fresse maul schnauze spast spasti opfer
hurensohn wichser missgeburt arschloch idiot vollidiot depp trottel penner hure schlampe fotze
schwuchtel kanake drecksau schwein bastard umbringen bringe töte töten toete abstechen
aufschlitzen kaputtmachen fertigmachen dich dir mich mir euch uns ihn ihm ihr sie es die
probleme idee haut chef normal art rest person text plan stand bus abend aber allein alt anders
anfang angst antwort arbeit arbeiten arm arsch auch auge augen aussehen auto baby bauch baum
beide bekommen besser beste bett bier bild bleiben blöd brauchen brief bringen bruder buch danke
dann dein denken denn deshalb deutsch dinge doch dorf draußen drinnen dumm dürfen ecke egal
ehrlich einfach einmal eltern ende endlich entweder erst essen fahren fall falsch familie fangen
farbe fast fehler feiern fenster fernsehen fertig fest feuer film finden fisch flasche frage
fragen frau freund freundin freunde frieden froh früh frühstück fühlen führen fuß ganz garten
geben geboren geburtstag gefällt gegen geld gemacht genug gerade gern geschenk gesicht gewinnen
glauben glücklich gott groß grün grund gruß haare hals halten hand hängen hart hause haus heiß
heißen helfen herz hilfe himmel hoch hoffe hoffentlich hund hunger immer jahre jeder jetzt junge
kaffee kalt kaputt kaufen kennen kind kinder klein kopf kosten krank krieg küche kurz lachen
land lang langsam laufen laut leben leer legen lehrer leicht leider lernen lesen letzte lieb
lieben lieber liegen links los luft mädchen mama manchmal mehr meinen meinung mensch menschen
messer minute mittag möchte mögen monat mond müde mund musik mutter nacht name nase natürlich
neben nehmen nett neu nie noch nummer oben ohne papa paar passiert pech platz polizei problem
rauchen recht rechts regen reden reise ruhig sache sauer schade schlafen schlagen schlecht
schluss schnell schon schreiben schuld schule schwer schwester sehen seite selbst sicher sitzen
sohn sommer sonne spaß spät sprechen stadt stark stehen sterben stimme straße stunde suchen tag
tante teuer tisch tod tot tragen treffen trinken tür tun über uhr unten vater verdammt vergessen
verloren verstehen viel vielleicht vorbei wahr wald warum wasser weg weil weinen weiter welt
wenig werden wetter wichtig wieder witz woche wohl wohnen wort wunderbar zeit zeitung zimmer
zusammen arschlöcher idioten hurensöhne wichsers missgeburten dreckig drecks schweine sau
vollpfosten hohlkopf spacko spasten mongo behinderte kanaken nazi pisser is also am an im man so
u was um aller der das den dem des ein eine einen einem einer und oder wenn dass daß als wer wo
wieso weshalb wann welche welcher ich du er wir mein deine sein seine ihre nicht kein nur sehr
viele gar hier dort nein mal eben bitte dankeschön hallo tschüss tschüs tschuess tschuss moin
servus grüß gruss gut gute guten schoen schöne schönes geil krass wird koennen gehts geht's gibt
weiss mit von zu für fur fuer auf aus bei nach uber ueber unter vor durch zum zur beim vom ins
leute mann jahr genau stimmt wirklich natuerlich naja ach klar gerne entschuldigung vielen dank
wochenende ahnung spaeter liebe hasse reicht reicht's mach's halt's wie scheiße scheisse scheiss
fick ficken verpiss verpisst klappe bloed blöde dummer dumme doof bescheuert behindert dreck
""",
    "pt": """
este importante come normal pronto cena sera alto padre chance vídeo parte momento pena real
tava tavam tá estava estavam fria frio novo nova novos novas desliga desligar liga ligar delícia
delicia gostoso gostosa lição licao dever tarefa juiz árbitro arbitro história historia caiu cai
quebrar quebro cara mentindo mentira fede fedendo cheiro chamando chama ligando segunda terça
quarta quinta sexta sábado sabado domingo semana mês ano hoje ontem amanhã jogo jogar jogando
ganhou perdeu time torcida campeonato gol golaço golaco comida almoço almoco jantar café cafe
cerveja água agua casa rua escola trabalho faculdade celular computador bateria carregador foto
música musica muito muita pouco pouca nada tudo todo toda todos todas algum alguma nenhum
nenhuma seria mil podemos queremos sabemos pequena caga rica linda lindo daqui dali aqui ali lá
cá aí ai então entao também tambem ta tô to né ne pô po pra pro pros pras pela pelo pelos pelas
num numa dum duma nessa nesse nisso disso custa custo caro barato grátis gratis besteira bobagem
bosta merda porcaria lixo nojo melhor melhoras pior piores ótimo otimo ótima otima bom boa
demais legal massa top engraçado engraçada engracado engracada chato chata triste feliz cansado
cansada vergonhoso vergonhosa vergonha saudade saudades paciência paciencia raiva medo vai vou
vamos vão vao volto voltei volta chego chegou cheguei fico fica ficou fiquei quero queria quer
querem sei sabe sabia sabem posso pode podem faço faz fazer fez tenho tem tinha temos estou está
estamos sou é era somos são acho acha achei falei falou fala falar diz disse digo olha olhe vem
vamo bora simbora partiu galera pessoal gente mano mana brother véi vei velho moleque menina
menino obrigado obrigada valeu vlw tmj tamo junto abraço abraços abraco abracos beijo beijos bjs
parabéns parabens natal aniversário aniversario dia tarde noite ferrar ferra ferrou fudeu fodeu
foder foda fodido fodida porra caralho cacete idiota idiotas burro burra burros imbecil imbecis
otário otária otario otaria babaca palhaço palhaça palhaco palhaca viado viadinho bicha sapatão
corno corna vagabundo vagabunda safado safada piranha puta puto arrombado arrombada desgraçado
desgraçada cuzão cuzao cu fdp pqp vsf vtnc tnc krl crl mlk te mato pegar morrer morre morto
matar sangue seguro gentil estas vemos tomar ir falta país poder comprar querer caso vaca fácil
voz maldito maldita horas forte único calor finalmente acaba auge aprender último explicar abrir
guerra mente anda duro pede bastante chupa número campo encontrar ignorante primo vestido mongol
dito tranquilo mentiroso acabo inútil sol tal abaixo aberto acabou acordar agora ajuda ajudar
alegria amiga amigo amor andar anos antes apenas assim atrás aula avó avô bairro baixo banho
beber bicho bobo boca bonito braço briga buscar cabeça cachorro cada cadê cade cair calma cama
caminho cantar carne carro casar cedo céu chamar chega chegar chorar chuva cidade coisa coisas
começar comer como conhecer contigo coração corpo correr criança culpa cuidado dançar dar deixa
deixar dentro depois desculpa dinheiro direito dizer dormir doente dor embora entender escrever
esperar esposa estranho estudar família favor feio festa ficar filha filho fim fogo fome fugir
futebol ganhar garota garoto gato gostar gosto grande gritar homem hora igreja irmã irmão janela
jeito juntos lado lembrar ler livre livro longe louco lugar luz mãe mae maior mais mal mandar
maneira manhã mão mar marido menos mesa meio mesmo mim minuto moça morar mulher mundo namorada
namorado nem ninguém nome nunca olhar olho olhos onde ouvir pai pais palavra parar parece passar
paz pedir pensar pequeno perder pergunta pessoa pessoas pobre polícia porta preciso problema
procurar professor quarto quase rápido razão rico rir roupa saber saco sair sempre sentir sério
sexo sozinho sorriso tanto tchau telefone tempo terra tipo tirar trabalhar vender ver verdade
vez vida vir viver você voltar filho-da-puta fdps babacas otários otarios viados arrombados
vagabundos bostas escrota escroto canalha nojentos retardados retardada mongoloide fuder fudido
foda-se desgraça desgraca merdinha cuzinho putinha vadia vadias piranhas prostituta macaco sono
devo sul li prima basta tio jamais cê sobre quanto ama cala logo até ser esta para porque por
que mas amo do so algo claro desde dias entre estar igual importa loco pq tia amigos bonita
gordo gorda onda tb tmb dois tres certo deve lei quando sai sua vi aq os um uma uns umas ou com
sem em na nas dos das quê quem qual isso isto esse essa aquele aquela eu voce vc vcs ele nós
vocês voces eles elas meu minha teu tua seu nosso nossa dele dela muitos muitas já ainda alguém
alguem ninguem não nao sim sao estão estao foi ter olá oi beleza blz bons amanha msm neh tbm td
bem aconteceu certeza sorte ah serio kkk kkkk rs rsrs fodase desgracado nojento nojenta buceta
""",
    "fr": """
connerie conneries honte flemme partant partante lâche lache lâchez casse-toi casse dégage
degage barre-toi tire-toi ta gueule ferme-la tais-toi arrête arrete arrêtez coûte coute combien
cher gratuit vraiment trop grave carrément carrement franchement genre style truc machin bref
voilà voila bah ben beh bon ouais ouai ouaip nan nope jsuis chuis jsais chais jpense jveux jvais
jcrois ptn putain merde bordel fait chier vidéo video vidéos cool top génial genial super nul
nulle naze pourri pourrie drôle drole marrant marrante rigolo rigolote ptdr mdr lol xptdr jpp
bisous bisou bises gros biz coucou salut slt cc wesh wsh frère frero frérot reuf rétablissement
retablissement courage bravo félicitations felicitations joyeux noël noel anniversaire bonne
année chance soirée soiree journée journee nuit matin viens venez allez allons vas va vais vont
suis es est sommes êtes sont ai as a avons avez ont fais faisons faites font dis dit disons
dites disent peux peut pouvons veux veut voulons sais sait savons crois croit pense penses
pensez trouve trouves aime aimes aiment déteste detestes détestes retrouver retrouve tuer tue
crever crève creve buter bute connard connasse conne con salope salaud enculé encule enfoiré
enfoire batard bâtard fdp pute putes pd tapette gouine abruti abrutie débile debile crétin
cretine crétine idiot idiote imbécile imbecile bouffon bouffonne clochard cassos boloss teubé
teube on s'en fout osef balec ntm nique niquer mère race son sera abord absolument accord
acheter adorer affaire âge aide aider aimer ainsi air aller alors ami amie amis amour an ancien
ans appeler apprendre après apres argent arrêter arriver assez attendre attention aucun autre
autres avant avoir beau beaucoup besoin bête bete bien bientôt blague boire bois bouche bouger
boulot bras bruit bureau ça cadeau café calme cas casser cause chambre changer chaque chaud chef
chemin chercher cheveux chien choisir chose choses ciel coeur cœur comme commencer connais
connaître content continuer copain copine corps côté coucher couleur coup courir cours croire
cuisine dame danger demande demander depuis dernier derrière dès descendre dessus deux devant
devenir devoir dieu dommage donner dormir dos doucement douleur droit eau école écouter écrire
effet encore enfant enfants enfin ensemble ensuite entendre entrer envie envoyer erreur espère
essayer étoile être eux exactement excuse excusez facile faim falloir famille fatigué faut faux
femme fenêtre fermer fête feu fille film fin finir fois fort fou folle froid gamin garçon garder
gens gentil gosse guerre habiter haut heure heures heureux histoire homme hôpital idée jambe
jardin jeune jeu joli jouer jour juste là laisser laisse lait lendemain lever libre lire livre
loin longtemps lumière lundi madame main maintenant mais maison malade maman manger manière
marcher mari mauvais meilleur même merci mettre midi mieux milieu minute moins mois monde
monsieur mort mot mourir musique nez noir nom nouveau nouvelle oeil œil oublier papa parce
parler partir passer payer pendant penser perdre père personne petit petite peur peut-être photo
pied pire place plaisir pleurer pluie plutôt porte porter poser possible pote prendre presque
prêt prix problème prochain propre puis quartier quelque question rappeler regarder rendre
rentrer répondre rester retour revenir rêve rire roi rouge rue salle sauf savoir semaine sens
sentir seul seule seulement soeur soir soleil sortir souvent suite suivre surtout table tard
tête téléphone temps tenir terre tomber toujours travail travailler traverser triste trouver
vache vécu venir vérité verre vie vieux ville vite vivre voiture voix vrai yeux connards
connasses salopes enculés encules enfoirés enfoires batards bâtards pédé chienne dégueulasse
degueulasse crevard crevé sous-merde bouffons bolosse baltringue mongol attardé attarde triso
trisomique ordure ordures racaille mal non te que les une des du et donc qui quoi quand comment
pourquoi où ce cet cette ces ca ceci cela je elle nous vous ils elles moi toi leur mon mes ton
tes sa ses notre votre pas plus très tres peu rien tout tous toute toutes quelqu'un aussi déjà
deja jamais aujourd'hui demain hier ici oui etes était etait été ete faire dois doit dire vois
voir c'est cest j'ai jai dans pour avec sans sur sous chez vers bonjour bonsoir stp svp bjr dac
c' j' qu' n' s' t' m' t'es t'as j'suis j'sais trucs mec meuf gars chui jsp tkt t'inquiète
d'accord dacc sûr quel quelle neuf tant pis fatigue deteste n'importe importe ferme tais cretin
""",
}

# Insults and profanity: people curse in their own language, so outside English (whose swear
# words travel into every chat language) they are stronger evidence than an ordinary word.
# Chat vocabulary (team-written, added for fast tier 1.5.0): greetings, thanks, imperatives with
# clitics ("espérame", "aspettami", "me espera"), gaming and everyday words of short chat
# messages, which the function-word lists above and the pool's lists (comments and tweets) miss.
# Written from general knowledge; a word was then dropped when the pool showed it in another
# language's texts at a third or more of its own language's rate (or at all, 3+ texts, for
# French, which has no pool rows), so these lists claim no word another pool language uses.
CHAT_WORDS: Final[dict[str, str]] = {
    "en": """
hey hiya howdy sup wassup what's up thanks thx ty tysm np please sry mb my bad gotcha gotta
gonna wanna kinda sorta dunno lemme gimme yeah yup nope sure awesome nice great sweet dope lit
sick fam bruh dude mate guys folks brb afk gtg ttyl idk idc imo tbh ngl smh ikr lmao lmfao rofl
wait hold on here go away stop let's lets playing played won lost level server lag noob carry
carried nerf buff op rematch uninstall install download update restart queue squad join joining
invite invited revive heal reload reloading how much cost costs pricey cheap expensive today
tomorrow yesterday tonight now later soon already still always never again morning evening night
weekend work school exam homework food lunch dinner breakfast coffee beer movie show pretty
beautiful ugly funny boring
""",
    "es": """
hola holi holis buenas tardes noches cómo estás andas vemos hasta luego mañana chao chau adiós
adios igual claro tranqui tranquilo tío tíos chaval chavales güey guey wey compa parce parcero
weon pibe piba chido chida chévere chevere bacán bacan guay mola molan flipante brutal copado
copada joder hostia hostias coño cojones vaya órale orale ándale andale híjole hijole neta porfa
porfis grax grcs perdón perdon siento disculpa espérame esperame esperen escúchame escuchame
escuchas oye oigan mira miren dime dímelo dale ayúdame ayudame llámame llamame avísame avisame
mándame mandame pásame pasame invítame invitame tráeme traeme revíveme reviveme cúrame curame
sígueme sigueme agrégame agregame perdóname perdoname mejórate mejorate cuídate cuidate piérdete
pierdete cállate lárgate cómprate comprate métete metete siéntate sientate levántate levantate
apúrate apurate quédate quedate vente vámonos vamonos entren salgan jueguen espérate esperate
comiste cenar almuerzo desayuno cerveza fiesta curro chamba laburo escuela colegio tarea jugando
jugar juegazo jugadón nivel servidor mancos paquete reportar reporten reportado baneado carreado
carrearon carreo subiendo rango gané ganamos perdimos empate reaparecer reapareciendo revivir
reviviendo curando murió morí muerto carísimo carisimo cuesta cuánto cuanto cuántos dinero pasta
guapa guapo preciosa precioso hermosa hermoso llora llorón lloron lloras quejas pesada descanses
sueños besitos cariño chicos chicas muchachos chamacos ahí acá ahorita rato ratito temprano
verdad obvio obviamente seguro nomás nomas manches ni pues pos cuál cual dónde donde cuándo
quién quien usted ustedes vosotros nosotros ellos ellas tuyo suyo nuestro este esta esto eso ese
esa aquel hoy ayer también tampoco bien muy mucho menos algo alguien cosas veces
""",
    "it": """
ciao ciaoo salve buongiorno buonasera buonanotte notte grazie grz mille prego scusa scusate
scusami figurati tranquillo tranquilla dai daje boh mah beh vabbè vabbe vabbuò magari certo
certamente sicuro davvero sul pazzesco mannaggia accidenti cavolo cazzo cazzi minchia porca
miseria madonna oddio mio ammazza anvedi nzomma insomma aspetta aspettami aspettate seguimi
seguitemi chiamami scrivimi dimmi dammi fammi lasciami aiutami curami invitami rianimami
riposati calmati fermati sbrigati muoviti svegliati sparisci vattene andiamo andate usciamo
uscire arrivo arriva arrivano arriviamo vieni venite torno torna partita partite giocare
giochiamo gioco giocato vinto perso pareggio livello lagga scarso scarsa scarsi niubbo nabbo
ritirata rivincita disinstalla installa scarica aggiorna riavvia squadra compagno compagni
quanto costano soldi caro economico pesante pesanti uguale uguali anch'io anche io pure niente
nulla qualcosa qualcuno nessuno tutto tutti sempre mai ancora già gia subito dopo prima adesso
ora oggi domani ieri stasera stamattina settimana fine lavoro ufficio scuola esame compiti
mangiare mangiato pranzo colazione caffè caffe birra amico amica amici amiche ragazzo ragazza
ragazzi ragazze bello bella belle bellissimo bellissima brutto brutta figo figa fortissimo
simpatico simpatica unirmi unirsi posso puoi può possiamo potete vuoi voglio vuole sono sei
siamo siete ho hai abbiamo avete faccio fai facciamo fate dico dici diciamo sto stai stiamo
stanno vado vanno capito capisco capisci sai sappiamo penso pensi credo credi per passo addosso
perché perche quindi comunque cioè cioe mica proprio troppo molto meglio peggio più piu meno
bene male così cosi
""",
    "pt": """
oi oii oiee bom dia boa noite tchau falou valeu vlw obg obrigado obrigada brigado brigada
desculpa desculpe foi beleza blz firmeza demais massa bacana maneiro irado sinistro caraca
caramba nossa eita vixe poxa putz porra caralho cacete bosta affs aff kkk kkkk rsrs certeza faz
quiser pode esperem convida recua fica fique vem vamo bora partiu chega saia com isso tedio
tédio frio calor hoje ontem amanhã amanha agora depois ainda também tambem muito pouco mais
melhor pior bem vc vcs vocês galera rapaziada mano mana véi vei velho parceiro namorado namorada
moça menino menina meninos meninas recarregando carregando renascendo morri morreu matei ganhei
ganhamos perdi perdemos jogo jogar jogando jogador entrem desinstala instala baixa atualiza
equipe ruim péssimo pessimo doideira doido doida louco louca maluco maluca não nao tá ta estou
estão sou são tenho tem temos têm quero queria quer vou vai vão fazer faço fazemos dizer diz
falar falo fala conversar trabalho escola faculdade almoço almoco janta jantar cerveja breja
festa balada fds bué fixe gajo gaja miúdo miudo porreiro chato chata
""",
    "fr": """
salut slt coucou bonjour bonsoir bonne nuit a+ tchao mrc mci stp svp s'il plaît vous désolé
desole désolée tranquille tkt t'inquiète inquiète roule impec parfait trop bof ouf oups zut
mince dommage chelou relou chanmé vénère vener kiffe kiffer kif j'aime aime manques manque
manquer faute désinstalle desinstalle installe télécharge regarde regardez écoute ecoute
attendez viens venez allez vas-y fonce lancer invit accepte accepter prend soigne tenez tiens
revanche marché conclu dors sommeil repose repos paix week-end guignol pleure pleurer pleurniche
râle rale râler parles parle parler français francais anglais manquait encore toujours
aujourd'hui aujourdhui demain maintenant tout bientôt bientot copain copine copains potes pote
meuf mecs gars frangin frangine daron daronne boulot taf école ecole cours devoirs maison manger
bouffe bouffer dîner diner déjeuner dejeuner apéro apero bière biere soirée fête fete combien
coûte coute chère pourquoi quoi quand c'était j'ai t'as t'es tes y'a chui jsp jsuis jpp mdrr
ptdrr
""",
    "de": """
hallo servus moin moinsen grüß gruß grüezi tschüss tschüs tschau bis später dann morgen danke
dankeschön bitte gern gerne entschuldigung tut mir leid alles gut klar logisch genau stimmt echt
krass geil läuft passt jep nee naja tja ach egal keine ahnung vielleicht bestimmt natürlich
sicher quatsch mist scheiße scheisse verdammt mann alter digga kumpel leute mädels jungs warte
wart kommst komme komm kommt geh gehen gehst gehts geht's mach machen machst macht hilf hilfe
gib gibst zeig sag sagst sagt ruf schreib schreibst lass lasst hört schau guck guckt spiel
spielen spielst zocken zockst runde lobby lag gewonnen verloren unentschieden stufe schlafen
gute nacht guten abend tag wochenende arbeit schule prüfung hausaufgaben essen trinken bier
kaffee feier kino wie wer wo wann warum wieso weshalb welche welcher wieviel viel kostet teuer
billig schön schöne hübsch süß suess lustig witzig langweilig blöd blod doof dumm nervig toll
heute gestern jetzt gleich sofort spaeter schon noch immer nie oft manchmal bald
""",
    "tr": """
merhaba selam slm selamlar naber nbr nasılsın nasilsin iyiyim iyi sen nasıl tamam tmm tamamdır
olur olmaz evet hayır hayir yok var belki kesin tabi tabii aynen harbi valla vallahi yemin
teşekkürler tesekkurler teşekkür sağol sagol sağolun eyvallah ederim kusura bakma özür dilerim
görüşürüz gorusuruz hoşçakal hoscakal geceler günaydın gunaydin kanka kanki abi abla hocam moruk
reis kardeş kardes dostum knk lan ulan yav bekle bekleyin gel gelin git gidin bak bakın bakin
dinle söyle soyle yaz ara çağır cagir yardım yardim et etsene yapalım yapalim oynayalım
oynayalim oyna oyun maç takım takim kazandık kazandik kaybettik berabere seviye sunucu çaylak
caylak kötü kotu güzel guzel harika efsane müthiş muthis berbat sıkıcı sikici komik kadar kaç
kac pahalı pahali ucuz bugün bugun yarın yarin dün dun şimdi simdi sonra hep hiç hic hala zaten
bile çok cok daha bir şey sey bişey bisey kim neden niye nerede nerde
""",
}  # fmt: skip

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

# Two-word chat expressions whose words other languages share ("que tal", "sei la", "ben de"):
# the pair names the language even when each word alone only narrows the choice. Written from
# general knowledge of each language (greetings, replies, set phrases), with and without
# accents; a pair that is also idiomatic in another supported language is left out ("te amo",
# "por favor", "de nada", "un momento", "quanto tempo").
PHRASES: Final[dict[str, str]] = {
    "en": """
no way|for real|of course|see you|see ya|good luck|my bad|no worries|no problem|
i mean|you know|thank you|is it|do it|let me|let's go|so much|what's up|how are|are you|
i think|i know|i don't|i dont|i can|i will|i was|you are|you're so|go away|shut up|hurry up|
good game|well played|nice one|good night|good morning|me too|same here|not really|oh well|
what the|are we|we are|they are|it was|that was|this is|wait up|hold up|come on|my god|
how much|too much|no one|for sure|all good|lets go|who cares|why not|yes please|thank u|
""",
    "es": """
que tal|qué tal|como estas|cómo estás|como va|
cómo va|que pasa|qué pasa|que paso|qué pasó|
lo siento|no se|no sé|ya voy|ya está|ya esta|ahi voy|ahí voy|voy a|vamos a|buenos dias|
buenos días|buenas noches|buenas tardes|hasta luego|hasta mañana|hasta manana|nos vemos|
tengo que|hay que|estoy en|es que|lo que|eso es|pasa nada|a ver|que haces|qué haces|
donde estas|dónde estás|no mames|que chido|qué chido|que guay|qué guay|
que rico|qué rico|muy bien|muy bueno|muy buena|tu madre|mi amor|te quiero|ni idea|
todo bien|está bien|esta bien|el que|en el|del juego|que feo|
qué feo|que asco|qué asco|no puedo|no quiero|me voy|se fue|me gusta|te gusta|qué hora|
que hora|con el|para el|para la|es el|es la|eres un|eres una|mucho gusto|
estoy bien|estás bien|estas bien|y tú|y tu|ahorita voy|al rato|ya casi|de una|dale que|
""",
    "it": """
che cosa|che fai|che schifo|che palle|che bello|che bella|che figata|
come stai|come va|va bene|non lo|non so|lo so|ci sono|ci vediamo|a dopo|a domani|per favore|
buona notte|buonanotte a|buona serata|buona giornata|un attimo|tutto bene|tutto ok|di nuovo|
ma dai|non ce|ti amo|ti voglio|sei un|sei una|e poi|anche io|anch io|non è|non e|è vero|
e vero|ho capito|hai ragione|non vedo|non posso|che dici|che ore|mi piace|ti piace|sono qui|
sto arrivando|arrivo subito|che ne|chi se|fa niente|non fa|a posto|
""",
    "pt": """
tudo bem|tudo bom|nao sei|não sei|
ta bom|tá bom|to indo|tô indo|vou ai|vou aí|bom dia|boa noite|boa tarde|de boa|que isso|
pra que|com certeza|pois e|pois é|so que|só que|ate mais|até mais|ate logo|até logo|
to aqui|tô aqui|estou aqui|ta ai|tá aí|ta certo|tá certo|tem que|vamo la|vamos la|vamos lá|
muito bom|muito boa|muito obrigado|muito obrigada|que legal|que saudade|
ne mano|né mano|e você|e voce|o que|eu acho|eu sei|
nao quero|não quero|nao posso|não posso|voce e|você é|tu é|ta louco|tá louco|fala ai|fala aí|
""",
    "fr": """
ca va|ça va|ben oui|bah non|bah oui|
je sais|je suis|tu es|il y|de rien|bonne nuit|a demain|à demain|on y|on va|pas de|pas mal|
trop bien|trop fort|en fait|du coup|tout le|je peux|tu peux|on se|je vais|tu vas|il est|
c'est pas|c'est bon|c'est quoi|je t'aime|mon pote|salut les|bonne soirée|bonne soiree|
bonne journée|bonne journee|à toute|a toute|t'inquiète|quoi de|de ouf|
""",
    "de": """
bis dann|bis später|bis spaeter|bis morgen|
gute nacht|guten morgen|guten tag|na klar|na ja|ach so|ist gut|wie geht|was geht|
keine ahnung|kein plan|kein bock|hab ich|ich bin|bin da|mal sehen|schau mal|komm schon|
los geht|auf jeden|jeden fall|ich hab|hast du|bist du|ist das|das ist|was ist|gib mir|
noch mal|alles gut|alles klar|gut gemacht|geht klar|sag mal|warte mal|
""",
    "tr": """
sen de|iyi geceler|ne haber|ne oldu|tamam mi|
tamam mı|kolay gelsin|cok guzel|çok güzel|cok iyi|çok iyi|hadi ya|yok ya|var mi|var mı|
ne var|ne zaman|hadi gel|bir dakika|iyi misin|nasil gidiyor|nasıl gidiyor|ne yapiyorsun|
ne yapıyorsun|bilmiyorum ya|aynen ya|tabi ki|tabii ki|o zaman|ne demek|
""",
    "ru": """
kak dela|ty kto|davai poka|poka poka|vse norm|vsё norm|nu davai|kak ty|
""",
}


# Everyday words (verbs, time, people, places, weekdays) of each language, written from general
# knowledge; a word was then dropped when the pool's training buckets showed it in another
# language's texts at a third or more of its own language's rate (for French and for Russian
# typed in Latin letters: in 3 or more texts of any other language), as for ``CHAT_WORDS``.
EVERYDAY_WORDS: Final[dict[str, str]] = {
    "es": """
andas andamos vengan ven vienes venir despertar desperté desperte durmiendo aburrido aburrida juega
juegas jugamos juegan llegar llego llegó llegas llegamos salir salgo sales saliste hablar hablas
habla hablamos hablando decir dices dijo dije dijiste hacer hago haces hace hacemos haciendo hecho
tener tengo tienes tiene tenemos tienen puedo puedes puede podemos pueden quiero quieres quiere
queremos sabes sabemos conozco conoces creo crees pienso piensas sale salió salio ganar ganaste
perdiste pasó paso revancha feísimo genial increíble increible ahora luego después despues entonces
todavía todavia siempre jamás jamas nadie ningún ningun ninguna mismo misma otra otro otros otras
cada poquito demasiado noche mañana temprano minutos calle trabajo hermano hermana mamá mama novio
novia hombre mujer niño niña chico chica ojos manos oigo veo ves vemos mirar miro buscar busco
buscas necesito necesitas ayuda ayudar gracias muchas muchísimas muchisimas ostras tío tia tía
pasando alguna algún algun acabo acabas recién recien bastante así asi oye cuidado listo listos
rápido rapido despacio encima debajo fuera
""",
    "pt": """
ainda agora depois então entao ninguém ninguem alguém alguem mesmo mesma outra outro outros pouco
pouquinho demais noite amanhã amanha cedo rua trabalho irmão irmao irmã irma mãe mae pai namorado
namorada homem mulher menino menina olhos mão mao mãos maos olha olhar vejo procurar procuro
precisa ajuda ajudar obrigado obrigada muito muita muitos muitas tá ta estou estão estao vou vai
vão vao fazer faço faco faz fazemos fazendo feito ter tenho tem temos têm pode quero quer conheço
conheco acho achar sair saio saiu jogar jogo jogando jogou ganhar ganhei ganhou perdeu passou feio
feia incrível incrivel horrível horrivel péssimo pessimo ótimo otimo assim também tambem vocês
voces eles elas dele dela meu minha teu seu nosso nossa isso isto aquilo esse essa aquele aquela
onde quem pra pro pras pros mano mina cansada dormindo acordei acordado chegar cheguei chegou chego
falar falo fala falou dizer diz disse bora verdade
""",
    "it": """
aspetta aspettare aspettando arrivare arriva arrivato arrivata uscire esco esci esce parlare parlo
parli parla parlando dire dico dici detto fare faccio fai fa facciamo fatto avere ho hai abbiamo
hanno potere posso puoi può possiamo vogliamo volere sapere sai sa conosco conosci pensare penso
pensi partire vincere vinto perdere perso passato bello bella bellissimo carina brutto brutta
orribile terribile incredibile adesso ora dopo poi allora ancora sempre mai niente nessuno qualcuno
stesso stessa altra altro altri ogni pochino troppo settimana mese anno giorni giorno notte mattina
presto ore minuti strada lavoro amico amica amici fratello sorella mamma fidanzato fidanzata uomo
donna bambino bambina ragazzo ragazza capelli faccia occhi bocca mani guarda guardare vedo vedi
vediamo cercare cerco cerchi bisogno aiuto aiutare qui qua lì così cosi anche pure spacca indovina
finalmente venerdì venerdi sabato domenica lunedì lunedi martedì martedi mercoledì mercoledi
giovedì giovedi stanco stanca dormire svegliato sveglia prendere prendo prendi prendermi passare
passi costo
""",
    "fr": """
attendre attendez arriver sortir sors parler parle parles dit faire fais fait faisons avoir avons
pouvoir peux peut pouvons vouloir veux veut voulons savoir sais connais penser penses pars gagner
gagné perdu perdre magnifique moche incroyable maintenant après apres alors encore toujours rien
personne quelqu'un quelque autre autres chaque peu trop semaine mois année annee jours jour nuit
soir matin heure heures maison rue travail boulot amie copain copine frère frere soeur sœur père
pere gens homme enfant garçon garcon fille cheveux visage yeux bouche regarde regarder vois voit
voyons chercher cherche besoin aider là-bas aussi aucun aucune lequel laquelle lesquels conduit
conduire vendredi samedi dimanche lundi mercredi jeudi fatiguee réveillé reveille prendre prends
prend coûte coute ouais ouai wesh frérot frerot chelou relou vraiment carrément carrement
""",
    "de": """
warte warten wartet komme kommt kommen kam gehen geht gehe ging sprechen sprichst sagen sage sagt
gesagt machen mache machst macht gemacht haben habe hast hat können kann kannst wollen willst
wissen weiß weiss weißt weisst kenne kennst denken denke denkst gewinnen gewonnen verlieren
verloren schön schoen hässlich haesslich schrecklich toll geil unglaublich jetzt danach dann noch
immer nie nichts niemand jemand selbe andere jede bisschen zuviel woche monat jahr tage tag nacht
abend morgen früh frueh stunde stunden minuten haus straße strasse arbeit freund freundin freunde
bruder schwester mutter vater leute mann frau junge mädchen maedchen haare gesicht augen mund
haende schau schauen sehe siehst suchen suche brauche brauchst hilfe helfen hier dort auch vergiss
vergessen freitag samstag sonntag montag dienstag mittwoch donnerstag muede schlafen wach nehmen
nehme nimm abholen kostet kosten danke dankeschön dankeschoen bitteschön
""",
    "tr": """
bekle bekliyorum geliyorum geldim gel gelir gitmek gidiyorum gittim konuşmak konuş konus söyle
soyle söyledim dedim yapmak yapıyorum yapiyorum yaptım yaptim var yok olur olmaz biliyorum
bilmiyorum bilmem bence düşünüyorum dusunuyorum kazandık kazandik kaybettik güzel guzel çirkin
cirkin berbat harika muhteşem muhtesem şimdi simdi sonra hala hâlâ hep asla hiç hic hiçbir kimse
biri aynı ayni başka baska biraz çok cok hafta yıl yil gece akşam aksam sabah erken saat dakika ev
sokak arkadaş arkadas kardeş kardes baba sevgili insanlar adam kadın kadin çocuk cocuk kız kiz
oğlan saç yüz göz gözler ağız eller bak bakıyorum bakiyorum görüyorum goruyorum arıyorum ariyorum
lazım lazim yardım yardim burada orada burda orda kalıyorum hoşça hosca ederim teşekkür tesekkur
cuma cumartesi pazar pazartesi çarşamba carsamba perşembe persembe yorgun uyku uyumak uyandım
uyandim almak alıyorum aliyorum kadar kaç kac tamam peki hadi haydi
""",
    "en": """
wait waiting coming came going went talking say said saying make making made have having can could
would should want wanted know knew think thought win lose beautiful ugly awesome incredible now
then still ever nothing nobody somebody same other every little week month year days day night
evening early hour hours minutes house street job friend friends brother sister mother father
people woman girl boy hair eyes hands look looking see seeing search need help here there forget
friday saturday sunday monday tuesday wednesday thursday tired sleep sleeping awake take taking
pick costs thanks innit deadass slay lowkey highkey bussin vibes
""",
    "ru": """
kak gde tebe mne nado mozhno seichas sejchas segodnya zavtra vchera kto kogda zachem uzhe eshe
eshche vse vsem ponyal ponyala ponyatno prikol kruto privetik dobroe utro spokoinoi nochi poshli
poshel skolko tozhe tolko prosto davno
""",
}
