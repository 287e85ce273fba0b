"""Demo item facts: early childhood education and care (English and French).

Each topic has keywords (to find the competencies it fits), five questions with one
right answer and two distractors, and one more item of another type. ``demo_bank``
turns each question into a single-choice item and two true-or-false items.
"""

# (question en, question fr, (right en, right fr), ((wrong en, wrong fr), ...), difficulty)
TOPICS = {
    "ece-health-safety": {
        "keywords": [
            "health",
            "safety",
            "safe",
            "hygiene",
            "illness",
            "santé",
            "sécurité",
            "injury",
            "emergency",
        ],
        "questions": [
            (
                "When must a child's hands be washed?",
                "Quand faut-il laver les mains d'un enfant ?",
                (
                    "Before eating and after using the toilet",
                    "Avant de manger et après être allé aux toilettes",
                ),
                (
                    (
                        "Only when they look dirty",
                        "Seulement quand elles semblent sales",
                    ),
                    ("Once at the end of the day", "Une fois à la fin de la journée"),
                ),
                -1.4,
            ),
            (
                "How should an infant be placed to sleep?",
                "Comment faut-il coucher un nourrisson ?",
                (
                    "On the back, in a crib with no pillows or toys",
                    "Sur le dos, dans un lit sans oreiller ni jouet",
                ),
                (
                    (
                        "On the tummy, to prevent choking",
                        "Sur le ventre, pour éviter l'étouffement",
                    ),
                    (
                        "On the side, propped with a pillow",
                        "Sur le côté, calé avec un oreiller",
                    ),
                ),
                -0.8,
            ),
            (
                "Where should cleaning products be kept?",
                "Où faut-il ranger les produits de nettoyage ?",
                (
                    "In a locked cupboard out of children's reach",
                    "Dans une armoire verrouillée hors de portée des enfants",
                ),
                (
                    (
                        "Under the sink, in their original bottle",
                        "Sous l'évier, dans leur bouteille d'origine",
                    ),
                    (
                        "On a low shelf, so staff can reach them fast",
                        "Sur une tablette basse, pour y accéder vite",
                    ),
                ),
                -0.3,
            ),
            (
                "A toddler has a fever of 38.5 °C at the centre. What do you do first?",
                "Un tout-petit fait 38,5 °C de fièvre au centre. Que faites-vous d'abord ?",
                (
                    "Separate the child from the group, watch them and call the parent",
                    "Isoler l'enfant du groupe, le surveiller et appeler le parent",
                ),
                (
                    (
                        "Give fever medicine from the centre's supply",
                        "Donner un médicament contre la fièvre de la réserve du centre",
                    ),
                    (
                        "Let the child rest with the group until pick-up",
                        "Laisser l'enfant se reposer avec le groupe jusqu'au départ",
                    ),
                ),
                0.4,
            ),
            (
                "A child is choking and cannot cough or cry. What do you do?",
                "Un enfant s'étouffe et ne peut ni tousser ni pleurer. Que faites-vous ?",
                (
                    "Give back blows and abdominal thrusts, and have someone call 911",
                    "Donner des tapes dans le dos et des poussées abdominales, et faire appeler le 911",
                ),
                (
                    (
                        "Give the child water to drink",
                        "Faire boire de l'eau à l'enfant",
                    ),
                    (
                        "Wait to see if the object comes out by itself",
                        "Attendre de voir si l'objet sort de lui-même",
                    ),
                ),
                1.0,
            ),
        ],
        "extra": (
            "ordering",
            "Put the steps of handwashing in order.",
            "Placez les étapes du lavage des mains dans l'ordre.",
            [
                ("Wet hands with warm water", "Mouiller les mains à l'eau tiède"),
                (
                    "Apply soap and rub for 20 seconds",
                    "Savonner et frotter 20 secondes",
                ),
                ("Rinse under running water", "Rincer à l'eau courante"),
                ("Dry with a single-use towel", "Sécher avec un essuie-tout jetable"),
            ],
            0.2,
        ),
    },
    "ece-development": {
        "keywords": [
            "development",
            "developmental",
            "milestone",
            "growth",
            "développement",
            "child development",
            "observe",
        ],
        "questions": [
            (
                "At about what age do most children take their first steps?",
                "Vers quel âge la plupart des enfants font-ils leurs premiers pas ?",
                ("Around 12 months", "Vers 12 mois"),
                (
                    ("Around 6 months", "Vers 6 mois"),
                    ("Around 24 months", "Vers 24 mois"),
                ),
                -1.2,
            ),
            (
                "What is 'parallel play'?",
                "Qu'est-ce que le « jeu parallèle » ?",
                (
                    "Children play side by side, each in their own activity",
                    "Les enfants jouent côte à côte, chacun à son activité",
                ),
                (
                    (
                        "Children follow shared rules in a group game",
                        "Les enfants suivent des règles communes dans un jeu de groupe",
                    ),
                    (
                        "An adult plays the same game as the child",
                        "Un adulte joue au même jeu que l'enfant",
                    ),
                ),
                -0.4,
            ),
            (
                "Which is a fine motor skill?",
                "Laquelle est une habileté de motricité fine ?",
                (
                    "Picking up a raisin with thumb and finger",
                    "Saisir un raisin sec entre le pouce et l'index",
                ),
                (
                    ("Climbing stairs", "Monter un escalier"),
                    ("Kicking a ball", "Botter un ballon"),
                ),
                -0.9,
            ),
            (
                "A 3-year-old speaks in short sentences that strangers understand. This is:",
                "Un enfant de 3 ans parle en phrases courtes que des inconnus comprennent. C'est :",
                ("Typical for the age", "Typique pour son âge"),
                (
                    ("A sign of a speech delay", "Un signe de retard de langage"),
                    ("Advanced for the age", "En avance pour son âge"),
                ),
                0.3,
            ),
            (
                "You notice a child has not met several milestones. What do you do?",
                "Vous remarquez qu'un enfant n'a pas atteint plusieurs étapes. Que faites-vous ?",
                (
                    "Document what you observe and share it with the family and your supervisor",
                    "Noter vos observations et en parler avec la famille et votre superviseure",
                ),
                (
                    (
                        "Tell the parents their child has a disability",
                        "Dire aux parents que leur enfant a un handicap",
                    ),
                    (
                        "Wait a year before saying anything",
                        "Attendre un an avant d'en parler",
                    ),
                ),
                0.9,
            ),
        ],
        "extra": (
            "matching",
            "Match each age with a typical milestone.",
            "Associez chaque âge à une étape typique.",
            [
                ("6 months", "6 mois", "Sits with support", "S'assoit avec appui"),
                ("12 months", "12 mois", "Says a first word", "Dit un premier mot"),
                (
                    "24 months",
                    "24 mois",
                    "Puts two words together",
                    "Associe deux mots",
                ),
            ],
            0.0,
        ),
    },
    "ece-guidance": {
        "keywords": [
            "guidance",
            "behaviour",
            "behavior",
            "relationship",
            "positive",
            "comportement",
            "interaction",
            "inclusive",
        ],
        "questions": [
            (
                "Two children fight over a toy. What is a positive guidance response?",
                "Deux enfants se disputent un jouet. Quelle réponse d'intervention positive convient ?",
                (
                    "Name their feelings and help them find a way to take turns",
                    "Nommer leurs émotions et les aider à trouver comment attendre leur tour",
                ),
                (
                    (
                        "Take the toy away and put it on a high shelf",
                        "Confisquer le jouet sur une tablette haute",
                    ),
                    (
                        "Send both children to time-out",
                        "Mettre les deux enfants en retrait",
                    ),
                ),
                -0.6,
            ),
            (
                "Which rule is stated positively?",
                "Quelle consigne est formulée positivement ?",
                ("Walk inside, please", "On marche à l'intérieur, s'il vous plaît"),
                (
                    ("Don't run!", "Ne cours pas !"),
                    ("No running or you sit out", "Pas de course sinon tu t'assois"),
                ),
                -1.3,
            ),
            (
                "Why give children limited choices ('the red or the blue cup')?",
                "Pourquoi offrir des choix limités aux enfants (« la tasse rouge ou la bleue ») ?",
                (
                    "It supports their autonomy while keeping limits",
                    "Cela soutient leur autonomie tout en gardant des limites",
                ),
                (
                    ("It keeps them busy", "Cela les occupe"),
                    ("It avoids having to set rules", "Cela évite de fixer des règles"),
                ),
                -0.2,
            ),
            (
                "A child bites often. What helps most?",
                "Un enfant mord souvent. Qu'est-ce qui aide le plus ?",
                (
                    "Observe when it happens, prevent those moments and teach words for feelings",
                    "Observer quand cela arrive, prévenir ces moments et enseigner des mots pour les émotions",
                ),
                (
                    (
                        "Bite the child back so they know how it feels",
                        "Mordre l'enfant pour qu'il sache ce que ça fait",
                    ),
                    (
                        "Exclude the child from group play",
                        "Exclure l'enfant des jeux en groupe",
                    ),
                ),
                0.5,
            ),
            (
                "Which practice is prohibited in licensed child care in Canada?",
                "Quelle pratique est interdite en service de garde agréé au Canada ?",
                (
                    "Withholding food as a punishment",
                    "Priver un enfant de nourriture pour le punir",
                ),
                (
                    (
                        "Redirecting a child to another activity",
                        "Rediriger un enfant vers une autre activité",
                    ),
                    (
                        "Giving a child a quiet space to calm down",
                        "Offrir à un enfant un coin calme pour se reposer",
                    ),
                ),
                1.1,
            ),
        ],
        "extra": (
            "short_text",
            "What do we call stating the feeling a child seems to have ('You look angry')? (two words)",
            "Comment appelle-t-on le fait de nommer l'émotion d'un enfant (« Tu as l'air fâché ») ? (deux mots)",
            [
                "naming feelings",
                "naming emotions",
                "nommer les émotions",
                "emotion coaching",
            ],
            0.8,
        ),
    },
    "ece-nutrition": {
        "keywords": [
            "nutrition",
            "food",
            "meal",
            "allergy",
            "allergies",
            "alimentation",
            "eating",
        ],
        "questions": [
            (
                "A child with a peanut allergy is served a snack. What must you check first?",
                "On sert une collation à un enfant allergique aux arachides. Que vérifiez-vous d'abord ?",
                (
                    "The ingredient label and the child's allergy plan",
                    "L'étiquette des ingrédients et le plan d'allergie de l'enfant",
                ),
                (
                    ("That the snack looks fresh", "Que la collation a l'air fraîche"),
                    ("That other children like it", "Que les autres enfants l'aiment"),
                ),
                -1.0,
            ),
            (
                "Which food is a choking hazard for toddlers unless cut up?",
                "Quel aliment présente un risque d'étouffement pour les tout-petits s'il n'est pas coupé ?",
                ("Whole grapes", "Les raisins entiers"),
                (
                    ("Plain yogurt", "Le yogourt nature"),
                    ("Mashed banana", "La banane écrasée"),
                ),
                -1.5,
            ),
            (
                "What are the signs of anaphylaxis?",
                "Quels sont les signes de l'anaphylaxie ?",
                (
                    "Swelling, hives and trouble breathing",
                    "Enflure, urticaire et difficulté à respirer",
                ),
                (
                    ("A runny nose only", "Seulement le nez qui coule"),
                    ("Tiredness after lunch", "De la fatigue après le dîner"),
                ),
                0.0,
            ),
            (
                "What do you do right away in anaphylaxis?",
                "Que faites-vous immédiatement en cas d'anaphylaxie ?",
                (
                    "Give the epinephrine auto-injector and call 911",
                    "Administrer l'auto-injecteur d'épinéphrine et appeler le 911",
                ),
                (
                    (
                        "Give an antihistamine and wait an hour",
                        "Donner un antihistaminique et attendre une heure",
                    ),
                    (
                        "Call the parent and wait for them",
                        "Appeler le parent et l'attendre",
                    ),
                ),
                0.7,
            ),
            (
                "What is a good approach to picky eating?",
                "Quelle est une bonne approche face à un enfant difficile à table ?",
                (
                    "Offer the food again calmly on other days, without pressure",
                    "Réoffrir l'aliment calmement d'autres jours, sans pression",
                ),
                (
                    (
                        "Require the child to clean the plate",
                        "Exiger que l'enfant vide son assiette",
                    ),
                    (
                        "Give dessert only if the vegetables are eaten",
                        "Donner le dessert seulement si les légumes sont mangés",
                    ),
                ),
                0.3,
            ),
        ],
        "extra": (
            "numeric",
            "Food must be kept hot at or above how many degrees Celsius?",
            "Les aliments chauds doivent être gardés à au moins combien de degrés Celsius ?",
            60,
            0,
            ("°C", "°C"),
            0.9,
        ),
    },
    "ece-families": {
        "keywords": [
            "family",
            "families",
            "communication",
            "communicate",
            "documentation",
            "parent",
            "famille",
            "professional",
            "report",
        ],
        "questions": [
            (
                "A parent asks how their child's day went. What is best?",
                "Un parent demande comment s'est passée la journée de son enfant. Que faire ?",
                (
                    "Share a specific, positive moment and any concern, privately",
                    "Raconter un moment précis et positif et toute inquiétude, en privé",
                ),
                (
                    ("Say 'fine' to save time", "Dire « bien » pour gagner du temps"),
                    (
                        "Compare the child with other children",
                        "Comparer l'enfant aux autres",
                    ),
                ),
                -1.1,
            ),
            (
                "Who may read a child's records at the centre?",
                "Qui peut consulter le dossier d'un enfant au centre ?",
                (
                    "The child's guardians and staff who need them for the child's care",
                    "Les tuteurs de l'enfant et le personnel qui en a besoin pour ses soins",
                ),
                (
                    ("Any parent who asks", "Tout parent qui le demande"),
                    ("Any volunteer", "Tout bénévole"),
                ),
                -0.2,
            ),
            (
                "You suspect a child is being abused. What must you do?",
                "Vous soupçonnez qu'un enfant est maltraité. Que devez-vous faire ?",
                (
                    "Report it to child protection services yourself, without delay",
                    "Le signaler vous-même sans délai aux services de protection de l'enfance",
                ),
                (
                    ("Ask the parents about it first", "En parler d'abord aux parents"),
                    ("Wait until you are sure", "Attendre d'en être certain"),
                ),
                0.6,
            ),
            (
                "What makes an observation note objective?",
                "Qu'est-ce qui rend une note d'observation objective ?",
                (
                    "It describes what the child did and said, with the date",
                    "Elle décrit ce que l'enfant a fait et dit, avec la date",
                ),
                (
                    (
                        "It gives your opinion of the child's personality",
                        "Elle donne votre opinion sur sa personnalité",
                    ),
                    ("It uses a diagnosis", "Elle utilise un diagnostic"),
                ),
                0.1,
            ),
            (
                "A family's first language is not English. How do you share an incident report?",
                "La langue première d'une famille n'est pas l'anglais. Comment partager un rapport d'incident ?",
                (
                    "Use plain words and an interpreter or translated form if needed",
                    "Utiliser des mots simples et un interprète ou un formulaire traduit au besoin",
                ),
                (
                    (
                        "Ask their 6-year-old to translate",
                        "Demander à leur enfant de 6 ans de traduire",
                    ),
                    ("Skip the report", "Ne pas faire le rapport"),
                ),
                1.0,
            ),
        ],
        "extra": (
            "true_false",
            "An incident report is shared with the family on the same day.",
            "Le rapport d'incident est remis à la famille le jour même.",
            True,
            -0.5,
        ),
    },
}

TOPICS.update(
    {
        "ece-regulations": {
            "keywords": [
                "regulation",
                "regulations",
                "licensing",
                "licence",
                "alberta",
                "réglementation",
                "ratio",
            ],
            "questions": [
                (
                    "Why do child care licensing regulations set staff-to-child ratios?",
                    "Pourquoi les règlements des garderies fixent-ils des ratios éducatrices-enfants ?",
                    (
                        "So each child can be supervised and cared for safely",
                        "Pour que chaque enfant soit surveillé et soigné en sécurité",
                    ),
                    (
                        (
                            "To limit the centre's payroll",
                            "Pour limiter la masse salariale du centre",
                        ),
                        (
                            "To decide the price parents pay",
                            "Pour fixer le prix payé par les parents",
                        ),
                    ),
                    -1.3,
                ),
                (
                    "Ratios for infants are lower than for preschoolers because infants:",
                    "Les ratios sont plus bas pour les poupons que pour les enfants d'âge préscolaire parce que les poupons :",
                    (
                        "Need more individual care and cannot move to safety alone",
                        "Ont besoin de plus de soins individuels et ne peuvent se mettre à l'abri seuls",
                    ),
                    (
                        (
                            "Sleep more, so need less staff",
                            "Dorment plus, donc demandent moins de personnel",
                        ),
                        ("Are fewer in each room", "Sont moins nombreux par salle"),
                    ),
                    -0.6,
                ),
                (
                    "During an outdoor walk, how often do you count the children?",
                    "Pendant une sortie à pied, à quelle fréquence comptez-vous les enfants ?",
                    (
                        "Before leaving, at every stop and on returning",
                        "Au départ, à chaque arrêt et au retour",
                    ),
                    (
                        ("Only before leaving", "Seulement au départ"),
                        (
                            "Only if a child seems missing",
                            "Seulement si un enfant semble manquer",
                        ),
                    ),
                    -0.2,
                ),
                (
                    "Which record must a licensed centre keep for each child?",
                    "Quel dossier un centre agréé doit-il tenir pour chaque enfant ?",
                    (
                        "Emergency contacts, health information and who may pick the child up",
                        "Les contacts d'urgence, les renseignements de santé et les personnes autorisées à venir chercher l'enfant",
                    ),
                    (
                        ("The family's income", "Le revenu de la famille"),
                        ("The child's report cards", "Les bulletins de l'enfant"),
                    ),
                    0.4,
                ),
                (
                    "An adult not on the pick-up list comes for a child. What do you do?",
                    "Un adulte qui n'est pas sur la liste vient chercher un enfant. Que faites-vous ?",
                    (
                        "Keep the child, contact the parent and release the child only with their confirmed authorisation",
                        "Garder l'enfant, joindre le parent et ne le laisser partir qu'avec son autorisation confirmée",
                    ),
                    (
                        (
                            "Release the child if the adult knows the child's name",
                            "Laisser partir l'enfant si l'adulte connaît son nom",
                        ),
                        (
                            "Release the child and tell the parent later",
                            "Laisser partir l'enfant et avertir le parent après",
                        ),
                    ),
                    1.0,
                ),
            ],
            "extra": (
                "true_false",
                "A licensed centre may leave a group of children alone for a few minutes if they are asleep.",
                "Un centre agréé peut laisser un groupe d'enfants seuls quelques minutes s'ils dorment.",
                False,
                -0.9,
            ),
        },
        "ece-protection": {
            "keywords": [
                "abuse",
                "neglect",
                "duty to report",
                "report",
                "maltraitance",
                "protection",
                "signs",
            ],
            "questions": [
                (
                    "Who has a duty to report a suspicion that a child is abused, in Alberta?",
                    "En Alberta, qui a l'obligation de signaler un soupçon de maltraitance d'un enfant ?",
                    (
                        "Everyone, including every child care worker",
                        "Tout le monde, y compris chaque personne qui travaille en garderie",
                    ),
                    (
                        (
                            "Only the centre's director",
                            "Seulement la directrice du centre",
                        ),
                        (
                            "Only doctors and police",
                            "Seulement les médecins et la police",
                        ),
                    ),
                    -0.9,
                ),
                (
                    "Which is a possible sign of neglect?",
                    "Lequel est un signe possible de négligence ?",
                    (
                        "A child often comes hungry and in unwashed clothes",
                        "Un enfant arrive souvent affamé et dans des vêtements sales",
                    ),
                    (
                        (
                            "A child cries when the parent leaves",
                            "Un enfant pleure quand le parent part",
                        ),
                        (
                            "A child has a scraped knee after recess",
                            "Un enfant a le genou éraflé après la récréation",
                        ),
                    ),
                    -0.4,
                ),
                (
                    "A child tells you about being hurt at home. What do you do?",
                    "Un enfant vous confie qu'on lui fait mal à la maison. Que faites-vous ?",
                    (
                        "Listen calmly, do not question in detail, write down the child's words and report",
                        "Écouter calmement, ne pas questionner en détail, noter ses mots et signaler",
                    ),
                    (
                        ("Promise to keep it secret", "Promettre de garder le secret"),
                        (
                            "Ask the child many questions to be sure",
                            "Lui poser beaucoup de questions pour être sûr",
                        ),
                    ),
                    0.3,
                ),
                (
                    "Must you be certain of abuse before you report it?",
                    "Faut-il être certain de la maltraitance avant de la signaler ?",
                    (
                        "No: a reasonable suspicion is enough",
                        "Non : un soupçon raisonnable suffit",
                    ),
                    (
                        ("Yes: you need proof", "Oui : il faut une preuve"),
                        (
                            "Yes: a doctor must confirm it first",
                            "Oui : un médecin doit d'abord le confirmer",
                        ),
                    ),
                    0.0,
                ),
                (
                    "Where do you report a suspicion of child abuse?",
                    "Où signalez-vous un soupçon de maltraitance ?",
                    (
                        "To child intervention services or the police",
                        "Aux services d'intervention à l'enfance ou à la police",
                    ),
                    (
                        ("To the child's parents", "Aux parents de l'enfant"),
                        (
                            "On the centre's social media page",
                            "Sur la page de réseaux sociaux du centre",
                        ),
                    ),
                    0.8,
                ),
            ],
            "extra": (
                "true_false",
                "A person who reports a suspicion of abuse in good faith is protected by law.",
                "La personne qui signale de bonne foi un soupçon de maltraitance est protégée par la loi.",
                True,
                0.5,
            ),
        },
    }
)
