"""Demo item facts: cybersecurity, warehouse and freight logistics, and workplace skills.

Same shape as ``demo_facts_care``.
"""

TOPICS = {
    "cyber-phishing": {
        "keywords": [
            "phishing",
            "social engineering",
            "awareness",
            "email",
            "hameçonnage",
            "user",
        ],
        "questions": [
            (
                "An e-mail from 'IT' asks you to confirm your password through a link. What do you do?",
                "Un courriel du « service TI » vous demande de confirmer votre mot de passe par un lien. Que faites-vous ?",
                (
                    "Report it as phishing without clicking the link",
                    "Le signaler comme hameçonnage sans cliquer sur le lien",
                ),
                (
                    (
                        "Click the link to check if it is real",
                        "Cliquer sur le lien pour vérifier",
                    ),
                    (
                        "Reply with your password so IT can fix it",
                        "Répondre avec votre mot de passe",
                    ),
                ),
                -1.4,
            ),
            (
                "Which sign most suggests a phishing e-mail?",
                "Quel signe évoque le plus un courriel d'hameçonnage ?",
                (
                    "The sender's domain differs slightly from the real one",
                    "Le domaine de l'expéditeur diffère légèrement du vrai",
                ),
                (
                    ("It has the company logo", "Il porte le logo de l'entreprise"),
                    (
                        "It was sent during office hours",
                        "Il a été envoyé pendant les heures de bureau",
                    ),
                ),
                -0.5,
            ),
            (
                "A caller says they are from the bank and asks for a one-time code. This is:",
                "Un appelant dit être de la banque et demande un code à usage unique. C'est :",
                (
                    "Vishing: a social engineering attack",
                    "De l'hameçonnage vocal : une attaque d'ingénierie sociale",
                ),
                (
                    (
                        "A normal bank security check",
                        "Une vérification normale de la banque",
                    ),
                    ("A denial-of-service attack", "Une attaque par déni de service"),
                ),
                0.0,
            ),
            (
                "What is 'pretexting'?",
                "Qu'est-ce que le « faux prétexte » (pretexting) ?",
                (
                    "Inventing a believable story to get information",
                    "Inventer une histoire crédible pour obtenir de l'information",
                ),
                (
                    (
                        "Encrypting a message before sending it",
                        "Chiffrer un message avant l'envoi",
                    ),
                    (
                        "Testing a system before release",
                        "Tester un système avant sa mise en service",
                    ),
                ),
                0.6,
            ),
            (
                "After a user clicked a phishing link and typed their password, what comes first?",
                "Un utilisateur a cliqué sur un lien d'hameçonnage et saisi son mot de passe. Que faire d'abord ?",
                (
                    "Reset the password, end the sessions and check the account's activity",
                    "Changer le mot de passe, fermer les sessions et vérifier l'activité du compte",
                ),
                (
                    (
                        "Delete the e-mail and move on",
                        "Supprimer le courriel et passer à autre chose",
                    ),
                    ("Wait for signs of misuse", "Attendre des signes d'abus"),
                ),
                1.1,
            ),
        ],
        "extra": (
            "true_false",
            "A message that creates urgency ('act within 1 hour') is a common phishing tactic.",
            "Un message qui crée l'urgence (« agissez d'ici 1 heure ») est une tactique courante d'hameçonnage.",
            True,
            -1.0,
        ),
    },
    "cyber-access": {
        "keywords": [
            "access",
            "password",
            "identity",
            "authentication",
            "account",
            "accès",
            "authentification",
            "privilege",
        ],
        "questions": [
            (
                "What does multi-factor authentication add to a password?",
                "Qu'ajoute l'authentification multifacteur à un mot de passe ?",
                (
                    "A second proof of identity, such as a code from an app",
                    "Une deuxième preuve d'identité, comme un code d'application",
                ),
                (
                    ("A longer password", "Un mot de passe plus long"),
                    (
                        "A copy of the password on paper",
                        "Une copie papier du mot de passe",
                    ),
                ),
                -1.3,
            ),
            (
                "What is the principle of least privilege?",
                "Qu'est-ce que le principe du moindre privilège ?",
                (
                    "Give each account only the access its work needs",
                    "Donner à chaque compte seulement les accès nécessaires à son travail",
                ),
                (
                    (
                        "Give new staff administrator rights to save time",
                        "Donner les droits d'administrateur aux nouveaux pour gagner du temps",
                    ),
                    (
                        "Use one shared account per team",
                        "Utiliser un compte partagé par équipe",
                    ),
                ),
                -0.4,
            ),
            (
                "Which password is strongest?",
                "Quel mot de passe est le plus robuste ?",
                (
                    "A long passphrase of four unrelated words",
                    "Une longue phrase de passe de quatre mots sans lien",
                ),
                (
                    ("Summer2024!", "Ete2024!"),
                    (
                        "The company name with numbers",
                        "Le nom de l'entreprise avec des chiffres",
                    ),
                ),
                -0.8,
            ),
            (
                "An employee leaves the company. When should their accounts be disabled?",
                "Un employé quitte l'entreprise. Quand désactiver ses comptes ?",
                (
                    "On their last day, as part of the offboarding checklist",
                    "Le dernier jour, selon la liste de départ",
                ),
                (
                    ("At the next yearly review", "À la prochaine revue annuelle"),
                    ("When their manager asks", "Quand son gestionnaire le demande"),
                ),
                0.3,
            ),
            (
                "How should passwords be stored by an application?",
                "Comment une application doit-elle conserver les mots de passe ?",
                (
                    "As salted hashes made with a slow algorithm such as Argon2",
                    "En hachages salés avec un algorithme lent comme Argon2",
                ),
                (
                    (
                        "Encrypted with a key kept in the same database",
                        "Chiffrés avec une clé dans la même base",
                    ),
                    (
                        "In plain text in a restricted table",
                        "En clair dans une table restreinte",
                    ),
                ),
                1.2,
            ),
        ],
        "extra": (
            "short_text",
            "What is the three-letter acronym for multi-factor authentication?",
            "Quel est le sigle anglais de trois lettres de l'authentification multifacteur ?",
            ["MFA"],
            -0.2,
        ),
    },
    "cyber-network": {
        "keywords": [
            "network",
            "networking",
            "firewall",
            "protocol",
            "réseau",
            "traffic",
            "infrastructure",
        ],
        "questions": [
            (
                "Which port does HTTPS use by default?",
                "Quel port HTTPS utilise-t-il par défaut ?",
                ("443", "443"),
                (("80", "80"), ("22", "22")),
                -0.9,
            ),
            (
                "What does a firewall do?",
                "Que fait un pare-feu ?",
                (
                    "Allows or blocks traffic according to rules",
                    "Autorise ou bloque le trafic selon des règles",
                ),
                (
                    ("Removes viruses from files", "Retire les virus des fichiers"),
                    (
                        "Speeds up the internet connection",
                        "Accélère la connexion internet",
                    ),
                ),
                -1.4,
            ),
            (
                "Why is Telnet replaced by SSH?",
                "Pourquoi Telnet est-il remplacé par SSH ?",
                (
                    "Telnet sends everything, passwords included, unencrypted",
                    "Telnet transmet tout en clair, mots de passe compris",
                ),
                (
                    (
                        "SSH is faster on old networks",
                        "SSH est plus rapide sur les vieux réseaux",
                    ),
                    (
                        "Telnet cannot reach other countries",
                        "Telnet ne peut pas joindre d'autres pays",
                    ),
                ),
                0.0,
            ),
            (
                "What is network segmentation for?",
                "À quoi sert la segmentation du réseau ?",
                (
                    "To limit how far an attacker can move after a breach",
                    "À limiter les déplacements d'un attaquant après une intrusion",
                ),
                (
                    (
                        "To give every device a public address",
                        "À donner une adresse publique à chaque appareil",
                    ),
                    ("To avoid the need for passwords", "À éviter les mots de passe"),
                ),
                0.5,
            ),
            (
                "Many DNS queries to random-looking subdomains of one domain may mean:",
                "De nombreuses requêtes DNS vers des sous-domaines aléatoires d'un même domaine peuvent indiquer :",
                (
                    "Data exfiltration or malware talking to its server over DNS",
                    "Une exfiltration de données ou un logiciel malveillant communiquant par DNS",
                ),
                (
                    ("A printer running out of paper", "Une imprimante sans papier"),
                    ("Normal software updates", "Des mises à jour normales"),
                ),
                1.3,
            ),
        ],
        "extra": (
            "numeric",
            "Which TCP port does SSH use by default?",
            "Quel port TCP SSH utilise-t-il par défaut ?",
            22,
            0,
            ("", ""),
            -0.3,
        ),
    },
    "cyber-incident": {
        "keywords": [
            "incident",
            "monitoring",
            "log",
            "logs",
            "detection",
            "response",
            "soc",
            "alert",
            "journal",
            "threat",
        ],
        "questions": [
            (
                "What is the first phase of incident response (NIST)?",
                "Quelle est la première phase de la réponse aux incidents (NIST) ?",
                ("Preparation", "La préparation"),
                (
                    ("Eradication", "L'éradication"),
                    ("Lessons learned", "Le retour d'expérience"),
                ),
                -0.7,
            ),
            (
                "A server shows signs of ransomware. What do you do first?",
                "Un serveur montre des signes de rançongiciel. Que faites-vous d'abord ?",
                (
                    "Isolate it from the network and alert the incident team",
                    "L'isoler du réseau et alerter l'équipe d'intervention",
                ),
                (
                    ("Pay the ransom quickly", "Payer la rançon rapidement"),
                    (
                        "Restart it and see if it goes away",
                        "Le redémarrer pour voir si ça passe",
                    ),
                ),
                -1.2,
            ),
            (
                "Why keep logs on a separate, central system?",
                "Pourquoi conserver les journaux sur un système central séparé ?",
                (
                    "An attacker on a host cannot erase the evidence",
                    "Un attaquant sur une machine ne peut pas effacer les traces",
                ),
                (
                    ("It makes the hosts faster", "Cela accélère les machines"),
                    (
                        "It is required to open ports",
                        "C'est nécessaire pour ouvrir des ports",
                    ),
                ),
                0.1,
            ),
            (
                "Fifty failed logins on one account in a minute, then a success. This suggests:",
                "Cinquante échecs de connexion sur un compte en une minute, puis une réussite. Cela suggère :",
                (
                    "A successful password-guessing attack",
                    "Une attaque par devinette de mot de passe réussie",
                ),
                (
                    (
                        "A user with a sticky keyboard",
                        "Un utilisateur au clavier défectueux",
                    ),
                    ("A routine backup", "Une sauvegarde courante"),
                ),
                0.4,
            ),
            (
                "What should an incident report record?",
                "Que doit consigner un rapport d'incident ?",
                (
                    "A timeline, affected systems, actions taken and evidence kept",
                    "Une chronologie, les systèmes touchés, les actions et les preuves conservées",
                ),
                (
                    (
                        "Only the name of who made the mistake",
                        "Seulement le nom de la personne fautive",
                    ),
                    (
                        "Nothing, to avoid liability",
                        "Rien, pour éviter la responsabilité",
                    ),
                ),
                0.9,
            ),
        ],
        "extra": (
            "ordering",
            "Put the incident response phases in order.",
            "Placez les phases de réponse aux incidents dans l'ordre.",
            [
                ("Detection and analysis", "Détection et analyse"),
                ("Containment", "Confinement"),
                ("Eradication and recovery", "Éradication et rétablissement"),
                ("Lessons learned", "Retour d'expérience"),
            ],
            0.6,
        ),
    },
    "logistics-safety": {
        "keywords": [
            "warehouse",
            "forklift",
            "lift",
            "whmis",
            "safety",
            "safe",
            "entrepôt",
            "chariot",
            "equipment",
            "hazard",
        ],
        "questions": [
            (
                "Before driving a forklift, what must you do?",
                "Avant de conduire un chariot élévateur, que devez-vous faire ?",
                (
                    "Do the pre-use inspection and record it",
                    "Faire l'inspection avant usage et la consigner",
                ),
                (
                    ("Check only the fuel level", "Vérifier seulement le carburant"),
                    ("Nothing if it worked yesterday", "Rien s'il fonctionnait hier"),
                ),
                -1.2,
            ),
            (
                "How do you travel with a load that blocks your view forward?",
                "Comment circuler avec une charge qui bloque la vue vers l'avant ?",
                (
                    "Drive in reverse, looking where you go",
                    "Rouler en marche arrière en regardant où l'on va",
                ),
                (
                    (
                        "Drive forward slowly and honk",
                        "Avancer lentement en klaxonnant",
                    ),
                    (
                        "Ask someone to walk in front",
                        "Demander à quelqu'un de marcher devant",
                    ),
                ),
                -0.3,
            ),
            (
                "What does a WHMIS label tell you?",
                "Que vous indique une étiquette SIMDUT ?",
                (
                    "The product's hazards and how to handle it safely",
                    "Les dangers du produit et comment le manipuler en sécurité",
                ),
                (
                    ("Its price and supplier", "Son prix et son fournisseur"),
                    ("Which shelf to store it on", "Sur quelle tablette le ranger"),
                ),
                -0.8,
            ),
            (
                "How should you lift a heavy box by hand?",
                "Comment soulever à la main une boîte lourde ?",
                (
                    "Bend your knees, keep the load close and your back straight",
                    "Plier les genoux, garder la charge près du corps et le dos droit",
                ),
                (
                    (
                        "Bend at the waist with straight legs",
                        "Se pencher à la taille, jambes tendues",
                    ),
                    (
                        "Twist to put it down faster",
                        "Pivoter pour la déposer plus vite",
                    ),
                ),
                -1.5,
            ),
            (
                "You see oil spilled in an aisle. What do you do?",
                "Vous voyez de l'huile répandue dans une allée. Que faites-vous ?",
                (
                    "Block off the area, clean it with the spill kit and report it",
                    "Bloquer la zone, nettoyer avec la trousse et signaler",
                ),
                (
                    ("Walk around it carefully", "La contourner prudemment"),
                    ("Cover it with cardboard", "La couvrir de carton"),
                ),
                0.2,
            ),
        ],
        "extra": (
            "true_false",
            "You may raise a coworker on the forks of a forklift if you drive slowly.",
            "On peut soulever un collègue sur les fourches d'un chariot si l'on roule lentement.",
            False,
            -0.6,
        ),
    },
    "logistics-inventory": {
        "keywords": [
            "inventory",
            "stock",
            "inventaire",
            "count",
            "picking",
            "storage",
            "order",
        ],
        "questions": [
            (
                "What does FIFO mean?",
                "Que signifie PEPS (FIFO) ?",
                (
                    "First in, first out: ship the oldest stock first",
                    "Premier entré, premier sorti : expédier le stock le plus ancien",
                ),
                (
                    ("Fast items first out", "Les articles rapides d'abord"),
                    ("Fill in, fill out the forms", "Remplir les formulaires"),
                ),
                -1.1,
            ),
            (
                "What is a cycle count?",
                "Qu'est-ce qu'un inventaire tournant ?",
                (
                    "Counting part of the stock regularly instead of everything once a year",
                    "Compter régulièrement une partie du stock plutôt que tout une fois par an",
                ),
                (
                    ("Counting bicycles in stock", "Compter les vélos en stock"),
                    ("Counting trucks at the dock", "Compter les camions au quai"),
                ),
                -0.2,
            ),
            (
                "The system shows 40 units but the shelf holds 36. What do you do?",
                "Le système indique 40 unités, mais la tablette en contient 36. Que faites-vous ?",
                (
                    "Recount, then record the discrepancy for investigation",
                    "Recompter, puis consigner l'écart pour enquête",
                ),
                (
                    (
                        "Change the system to 36 without telling anyone",
                        "Corriger à 36 sans rien dire",
                    ),
                    (
                        "Ignore it; it will balance later",
                        "L'ignorer ; ça s'équilibrera",
                    ),
                ),
                0.4,
            ),
            (
                "Why scan a product's barcode when picking?",
                "Pourquoi scanner le code-barres d'un produit lors de la préparation ?",
                (
                    "To confirm the right item and update stock in real time",
                    "Pour confirmer le bon article et mettre le stock à jour en temps réel",
                ),
                (
                    ("To check its price", "Pour vérifier son prix"),
                    (
                        "Because the label is decorative",
                        "Parce que l'étiquette est décorative",
                    ),
                ),
                -0.9,
            ),
            (
                "Which items belong in the pick locations nearest the shipping dock?",
                "Quels articles placer aux emplacements les plus proches du quai d'expédition ?",
                (
                    "The items picked most often",
                    "Les articles préparés le plus souvent",
                ),
                (
                    ("The heaviest items", "Les articles les plus lourds"),
                    (
                        "Items in alphabetical order",
                        "Les articles par ordre alphabétique",
                    ),
                ),
                0.8,
            ),
        ],
        "extra": (
            "numeric",
            "A pallet holds 12 cases of 24 units. How many units are on 3 pallets?",
            "Une palette contient 12 caisses de 24 unités. Combien d'unités y a-t-il sur 3 palettes ?",
            864,
            0,
            ("units", "unités"),
            0.3,
        ),
    },
    "logistics-shipping": {
        "keywords": [
            "shipping",
            "receiving",
            "freight",
            "dangerous goods",
            "tdg",
            "transport",
            "expédition",
            "dispatch",
            "load",
            "carrier",
        ],
        "questions": [
            (
                "When receiving a shipment, what do you check before signing?",
                "À la réception d'un envoi, que vérifiez-vous avant de signer ?",
                (
                    "The count and condition against the bill of lading",
                    "Le nombre et l'état par rapport au connaissement",
                ),
                (
                    ("Only the driver's name", "Seulement le nom du chauffeur"),
                    ("Nothing; claims are made later", "Rien ; on réclame plus tard"),
                ),
                -1.0,
            ),
            (
                "What does a bill of lading record?",
                "Que consigne un connaissement ?",
                (
                    "The goods shipped, shipper, consignee and carrier",
                    "Les marchandises, l'expéditeur, le destinataire et le transporteur",
                ),
                (
                    ("The driver's pay", "La paie du chauffeur"),
                    (
                        "The warehouse's opening hours",
                        "Les heures d'ouverture de l'entrepôt",
                    ),
                ),
                -0.4,
            ),
            (
                "Who may prepare dangerous goods for transport in Canada?",
                "Qui peut préparer des marchandises dangereuses pour le transport au Canada ?",
                (
                    "A person with valid TDG training",
                    "Une personne ayant une formation TMD valide",
                ),
                (
                    ("Any warehouse worker", "Tout employé d'entrepôt"),
                    ("Only the truck driver", "Seulement le chauffeur"),
                ),
                0.3,
            ),
            (
                "How should heavy cartons be placed on a pallet?",
                "Comment placer des cartons lourds sur une palette ?",
                (
                    "Heaviest at the bottom, stacked evenly and wrapped",
                    "Les plus lourds en bas, empilés également et filmés",
                ),
                (
                    (
                        "Heaviest on top to hold the load down",
                        "Les plus lourds en haut pour tenir la charge",
                    ),
                    (
                        "Any way, if the wrap is tight",
                        "N'importe comment si le film est serré",
                    ),
                ),
                -0.7,
            ),
            (
                "A delivery arrives with a crushed carton. What do you do?",
                "Une livraison arrive avec un carton écrasé. Que faites-vous ?",
                (
                    "Note the damage on the delivery receipt and take photos",
                    "Noter le dommage sur le bon de livraison et prendre des photos",
                ),
                (
                    (
                        "Sign clean and fix it later",
                        "Signer sans réserve et régler plus tard",
                    ),
                    (
                        "Refuse every shipment from that carrier",
                        "Refuser tous les envois de ce transporteur",
                    ),
                ),
                0.9,
            ),
        ],
        "extra": (
            "matching",
            "Match each document with its purpose.",
            "Associez chaque document à son rôle.",
            [
                (
                    "Bill of lading",
                    "Connaissement",
                    "Contract of carriage for the goods",
                    "Contrat de transport des marchandises",
                ),
                (
                    "Packing slip",
                    "Bordereau d'emballage",
                    "List of items in the box",
                    "Liste des articles dans la boîte",
                ),
                (
                    "Safety data sheet",
                    "Fiche de données de sécurité",
                    "Hazards of a product",
                    "Dangers d'un produit",
                ),
            ],
            0.5,
        ),
    },
    "workplace": {
        "keywords": [
            "team",
            "teamwork",
            "communication",
            "customer",
            "professional",
            "ethics",
            "équipe",
            "client",
        ],
        "questions": [
            (
                "A coworker's mistake affects your work. What is the best first step?",
                "L'erreur d'un collègue touche votre travail. Quelle est la meilleure première étape ?",
                (
                    "Talk with them privately and calmly about the facts",
                    "Lui en parler en privé et calmement, en s'en tenant aux faits",
                ),
                (
                    (
                        "Complain about it to the whole team",
                        "S'en plaindre à toute l'équipe",
                    ),
                    (
                        "Redo their work without telling them",
                        "Refaire son travail sans le dire",
                    ),
                ),
                -1.0,
            ),
            (
                "What makes a shift handover useful?",
                "Qu'est-ce qui rend une passation de quart utile ?",
                (
                    "Clear notes on open tasks, problems and priorities",
                    "Des notes claires sur les tâches ouvertes, les problèmes et les priorités",
                ),
                (
                    ("A quick 'all good'", "Un rapide « tout va bien »"),
                    ("Only what went well", "Seulement ce qui a bien été"),
                ),
                -0.5,
            ),
            (
                "A customer is angry about a late order. What do you do first?",
                "Un client est fâché d'une commande en retard. Que faites-vous d'abord ?",
                (
                    "Listen, acknowledge the problem and say what you will do",
                    "Écouter, reconnaître le problème et dire ce que vous allez faire",
                ),
                (
                    (
                        "Explain that it is not your fault",
                        "Expliquer que ce n'est pas votre faute",
                    ),
                    ("Transfer them without a word", "Le transférer sans un mot"),
                ),
                -0.1,
            ),
            (
                "You are unsure how to do a task safely. What should you do?",
                "Vous ne savez pas comment faire une tâche en sécurité. Que faire ?",
                (
                    "Stop and ask your supervisor before going on",
                    "Arrêter et demander à votre superviseur avant de continuer",
                ),
                (
                    ("Do your best and hope", "Faire de votre mieux en espérant"),
                    ("Watch a video later", "Regarder une vidéo plus tard"),
                ),
                -1.3,
            ),
            (
                "What is confidential information at work?",
                "Qu'est-ce qu'une information confidentielle au travail ?",
                (
                    "Personal or business information shared only with those who need it",
                    "Des renseignements personnels ou d'affaires partagés seulement avec qui en a besoin",
                ),
                (
                    (
                        "Anything written in an e-mail",
                        "Tout ce qui est écrit dans un courriel",
                    ),
                    (
                        "Information already on the company website",
                        "Ce qui est déjà sur le site de l'entreprise",
                    ),
                ),
                0.6,
            ),
        ],
        "extra": (
            "true_false",
            "Reporting a near miss helps prevent a future injury.",
            "Signaler un quasi-accident aide à prévenir une blessure.",
            True,
            -0.9,
        ),
    },
}

TOPICS.update(
    {
        "cyber-attacks": {
            "keywords": [
                "attack",
                "attacks",
                "threat",
                "threat actors",
                "malware",
                "ransomware",
                "attaque",
            ],
            "questions": [
                (
                    "What does ransomware do?",
                    "Que fait un rançongiciel ?",
                    (
                        "Encrypts or steals data and demands payment",
                        "Chiffre ou vole des données et exige un paiement",
                    ),
                    (
                        (
                            "Shows advertising in the browser",
                            "Affiche de la publicité dans le navigateur",
                        ),
                        ("Speeds up a slow computer", "Accélère un ordinateur lent"),
                    ),
                    -1.3,
                ),
                (
                    "What is a distributed denial-of-service (DDoS) attack?",
                    "Qu'est-ce qu'une attaque par déni de service distribué (DDoS) ?",
                    (
                        "Flooding a service with traffic from many machines so it stops answering",
                        "Inonder un service de trafic venu de nombreuses machines pour qu'il ne réponde plus",
                    ),
                    (
                        (
                            "Guessing one user's password",
                            "Deviner le mot de passe d'un utilisateur",
                        ),
                        (
                            "Copying a database to a USB key",
                            "Copier une base de données sur une clé USB",
                        ),
                    ),
                    -0.5,
                ),
                (
                    "What is SQL injection?",
                    "Qu'est-ce que l'injection SQL ?",
                    (
                        "Sending input that the application runs as part of a database query",
                        "Envoyer une entrée que l'application exécute dans une requête de base de données",
                    ),
                    (
                        (
                            "Installing a database on a server",
                            "Installer une base de données sur un serveur",
                        ),
                        (
                            "Encrypting database backups",
                            "Chiffrer les sauvegardes de la base",
                        ),
                    ),
                    0.3,
                ),
                (
                    "Which threat actor is usually most persistent and best funded?",
                    "Quel acteur de menace est généralement le plus persistant et le mieux financé ?",
                    (
                        "A state-sponsored group (APT)",
                        "Un groupe soutenu par un État (APT)",
                    ),
                    (
                        ("A curious student", "Un étudiant curieux"),
                        (
                            "A script kiddie using public tools",
                            "Un amateur utilisant des outils publics",
                        ),
                    ),
                    0.0,
                ),
                (
                    "What is a supply-chain attack?",
                    "Qu'est-ce qu'une attaque de la chaîne d'approvisionnement ?",
                    (
                        "Compromising a supplier's software or service to reach its customers",
                        "Compromettre le logiciel ou le service d'un fournisseur pour atteindre ses clients",
                    ),
                    (
                        ("Stealing delivery trucks", "Voler des camions de livraison"),
                        (
                            "Raising a supplier's prices",
                            "Augmenter les prix d'un fournisseur",
                        ),
                    ),
                    1.0,
                ),
            ],
            "extra": (
                "matching",
                "Match each attack with what it targets first.",
                "Associez chaque attaque à sa cible première.",
                [
                    ("Phishing", "Hameçonnage", "People", "Les personnes"),
                    (
                        "DDoS",
                        "DDoS",
                        "Availability of a service",
                        "La disponibilité d'un service",
                    ),
                    (
                        "SQL injection",
                        "Injection SQL",
                        "A web application's database",
                        "La base de données d'une application web",
                    ),
                ],
                0.4,
            ),
        },
        "cyber-systems": {
            "keywords": [
                "operating system",
                "windows",
                "linux",
                "hardening",
                "patch",
                "système",
                "configuration",
            ],
            "questions": [
                (
                    "Why install security updates promptly?",
                    "Pourquoi installer rapidement les mises à jour de sécurité ?",
                    (
                        "They fix known weaknesses that attackers use",
                        "Elles corrigent des failles connues que les attaquants exploitent",
                    ),
                    (
                        (
                            "They change the desktop's colours",
                            "Elles changent les couleurs du bureau",
                        ),
                        (
                            "They are required to print",
                            "Elles sont nécessaires pour imprimer",
                        ),
                    ),
                    -1.4,
                ),
                (
                    "On Linux, which account has full control of the system?",
                    "Sous Linux, quel compte a le contrôle total du système ?",
                    ("root", "root"),
                    (("guest", "guest"), ("nobody", "nobody")),
                    -0.6,
                ),
                (
                    "Why should staff not use an administrator account for daily work?",
                    "Pourquoi le personnel ne devrait-il pas utiliser un compte administrateur au quotidien ?",
                    (
                        "Malware they run would get full control of the machine",
                        "Un logiciel malveillant lancé obtiendrait le contrôle total de la machine",
                    ),
                    (
                        (
                            "Administrator accounts are slower",
                            "Les comptes administrateur sont plus lents",
                        ),
                        ("It uses more disk space", "Cela prend plus d'espace disque"),
                    ),
                    0.0,
                ),
                (
                    "Which Windows log shows successful and failed sign-ins?",
                    "Quel journal Windows montre les connexions réussies et échouées ?",
                    ("The Security log", "Le journal Sécurité"),
                    (
                        ("The Application log", "Le journal Application"),
                        ("The Setup log", "Le journal Installation"),
                    ),
                    0.6,
                ),
                (
                    "What does hardening a system mean?",
                    "Que signifie durcir un système ?",
                    (
                        "Removing unneeded services and settings to reduce the attack surface",
                        "Retirer les services et réglages inutiles pour réduire la surface d'attaque",
                    ),
                    (
                        (
                            "Buying sturdier hardware",
                            "Acheter du matériel plus robuste",
                        ),
                        (
                            "Making the password field longer",
                            "Allonger le champ du mot de passe",
                        ),
                    ),
                    0.9,
                ),
            ],
            "extra": (
                "short_text",
                "Which Linux command changes a file's permissions?",
                "Quelle commande Linux change les permissions d'un fichier ?",
                ["chmod"],
                0.2,
            ),
        },
        "cyber-privacy": {
            "keywords": [
                "privacy",
                "pipeda",
                "law",
                "framework",
                "frameworks",
                "vie privée",
                "compliance",
                "confidential",
            ],
            "questions": [
                (
                    "Which federal law governs personal information in private-sector businesses in Canada?",
                    "Quelle loi fédérale encadre les renseignements personnels dans les entreprises privées au Canada ?",
                    ("PIPEDA", "La LPRPDE"),
                    (
                        ("The Criminal Code", "Le Code criminel"),
                        ("The Copyright Act", "La Loi sur le droit d'auteur"),
                    ),
                    -1.0,
                ),
                (
                    "Under PIPEDA, an organisation must report a breach when:",
                    "Selon la LPRPDE, une organisation doit déclarer une atteinte quand :",
                    (
                        "It creates a real risk of significant harm to people",
                        "Elle crée un risque réel de préjudice grave pour des personnes",
                    ),
                    (
                        ("Any file is lost", "Un fichier quelconque est perdu"),
                        ("The press asks about it", "La presse pose des questions"),
                    ),
                    0.5,
                ),
                (
                    "To whom is such a breach reported?",
                    "À qui une telle atteinte est-elle déclarée ?",
                    (
                        "The Privacy Commissioner of Canada and the people affected",
                        "Au Commissariat à la protection de la vie privée du Canada et aux personnes touchées",
                    ),
                    (
                        (
                            "Only the company's shareholders",
                            "Seulement aux actionnaires",
                        ),
                        ("Nobody, if it is fixed", "À personne, si c'est corrigé"),
                    ),
                    0.8,
                ),
                (
                    "What does the NIST Cybersecurity Framework organise security into?",
                    "En quoi le cadre de cybersécurité du NIST organise-t-il la sécurité ?",
                    (
                        "Functions such as Identify, Protect, Detect, Respond and Recover",
                        "Des fonctions comme Identifier, Protéger, Détecter, Répondre et Rétablir",
                    ),
                    (
                        (
                            "Price levels for security products",
                            "Des niveaux de prix de produits",
                        ),
                        ("A list of banned countries", "Une liste de pays interdits"),
                    ),
                    0.1,
                ),
                (
                    "Collecting only the personal information a purpose needs is called:",
                    "Ne recueillir que les renseignements nécessaires à une fin s'appelle :",
                    (
                        "Limiting collection (data minimisation)",
                        "La limitation de la collecte (minimisation des données)",
                    ),
                    (
                        ("Data enrichment", "L'enrichissement des données"),
                        ("Data mining", "L'exploration de données"),
                    ),
                    -0.4,
                ),
            ],
            "extra": (
                "true_false",
                "Consent is one of the fair information principles in PIPEDA.",
                "Le consentement est l'un des principes relatifs à l'équité dans le traitement de l'information de la LPRPDE.",
                True,
                -0.8,
            ),
        },
        "logistics-customs": {
            "keywords": [
                "customs",
                "cross-border",
                "border",
                "douane",
                "import",
                "export",
                "cusma",
            ],
            "questions": [
                (
                    "Which document describes goods and their value for customs?",
                    "Quel document décrit les marchandises et leur valeur pour la douane ?",
                    ("The commercial invoice", "La facture commerciale"),
                    (
                        ("The packing tape label", "L'étiquette du ruban adhésif"),
                        ("The driver's logbook", "Le carnet de route du chauffeur"),
                    ),
                    -1.0,
                ),
                (
                    "What does an HS code classify?",
                    "Que classe un code SH ?",
                    (
                        "The type of goods, for duties and statistics",
                        "Le type de marchandises, pour les droits et les statistiques",
                    ),
                    (
                        ("The truck's size", "La taille du camion"),
                        (
                            "The shipper's credit rating",
                            "La cote de crédit de l'expéditeur",
                        ),
                    ),
                    -0.2,
                ),
                (
                    "Which agency clears goods entering Canada?",
                    "Quelle agence dédouane les marchandises qui entrent au Canada ?",
                    (
                        "The Canada Border Services Agency (CBSA)",
                        "L'Agence des services frontaliers du Canada (ASFC)",
                    ),
                    (
                        ("Canada Post", "Postes Canada"),
                        (
                            "The Canada Revenue Agency only",
                            "Seulement l'Agence du revenu du Canada",
                        ),
                    ),
                    -0.7,
                ),
                (
                    "What can a certificate of origin under CUSMA allow?",
                    "Que peut permettre un certificat d'origine selon l'ACEUM ?",
                    (
                        "Reduced or no duty on qualifying goods",
                        "Des droits réduits ou nuls sur les marchandises admissibles",
                    ),
                    (
                        (
                            "Skipping the border inspection",
                            "Éviter l'inspection à la frontière",
                        ),
                        (
                            "Shipping dangerous goods without papers",
                            "Expédier des marchandises dangereuses sans papiers",
                        ),
                    ),
                    0.6,
                ),
                (
                    "The invoice value is wrong on a shipment already sent. What do you do?",
                    "La valeur de la facture est erronée pour un envoi déjà parti. Que faites-vous ?",
                    (
                        "Tell your supervisor and the customs broker so it is corrected",
                        "Avertir votre superviseur et le courtier en douane pour corriger",
                    ),
                    (
                        (
                            "Nothing; customs rarely checks",
                            "Rien ; la douane vérifie rarement",
                        ),
                        (
                            "Change the copy in the file only",
                            "Changer seulement la copie au dossier",
                        ),
                    ),
                    1.0,
                ),
            ],
            "extra": (
                "true_false",
                "A customs broker can clear goods on behalf of an importer.",
                "Un courtier en douane peut dédouaner des marchandises pour le compte d'un importateur.",
                True,
                -0.5,
            ),
        },
    }
)
