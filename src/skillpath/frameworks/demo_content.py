"""The demo world's supply side, as data: three competency frameworks, three job
profiles with their real NOC 2021 codes, employer demand, reviews and credentials.

A competency is (code, kind, English, French); a domain lists its competencies. A task
is (English, French, needs, sub-tasks), a need (competency code, level, importance).
"""

from __future__ import annotations

from typing import Any

K, S, A = "knowledge", "skill", "attitude"

ECE: dict[str, Any] = {
    "framework": {
        "key": "ece",
        "title": "Early Childhood Educator Assistant Competencies",
        "version": "2025",
        "owner": "bow-river-college",
        "description": "What an early childhood educator assistant knows and does, "
        "written with child care employers of Alberta.",
        "domains": [
            (
                "ECE.1",
                "Child development and learning",
                "Développement et apprentissage de l’enfant",
                [
                    (
                        "ECE.1.1",
                        K,
                        "Developmental milestones from birth to age six",
                        "Étapes du développement de la naissance à six ans",
                    ),
                    (
                        "ECE.1.2",
                        S,
                        "Observe and document children’s development",
                        "Observer et documenter le développement des enfants",
                    ),
                    (
                        "ECE.1.3",
                        S,
                        "Plan play-based learning activities",
                        "Planifier des activités d’apprentissage par le jeu",
                    ),
                    (
                        "ECE.1.4",
                        S,
                        "Support early language and literacy",
                        "Soutenir le langage et la littératie",
                    ),
                    (
                        "ECE.1.5",
                        S,
                        "Guide children’s behaviour positively",
                        "Guider le comportement des enfants de façon positive",
                    ),
                ],
            ),
            (
                "ECE.2",
                "Health, safety and nutrition",
                "Santé, sécurité et nutrition",
                [
                    (
                        "ECE.2.1",
                        K,
                        "Alberta child care licensing regulations",
                        "Règlements albertains sur l’agrément des services de garde",
                    ),
                    (
                        "ECE.2.2",
                        S,
                        "Apply infection prevention and control practices",
                        "Appliquer les pratiques de prévention et de contrôle des infections",
                    ),
                    (
                        "ECE.2.3",
                        S,
                        "Supervise children indoors and outdoors",
                        "Superviser les enfants à l’intérieur et à l’extérieur",
                    ),
                    (
                        "ECE.2.4",
                        S,
                        "Respond to injuries and emergencies (first aid)",
                        "Intervenir en cas de blessure ou d’urgence (premiers soins)",
                    ),
                    (
                        "ECE.2.5",
                        S,
                        "Manage food allergies and serve healthy meals",
                        "Gérer les allergies alimentaires et servir des repas sains",
                    ),
                    (
                        "ECE.2.6",
                        K,
                        "Signs of child abuse and the duty to report",
                        "Signes de maltraitance et obligation de signaler",
                    ),
                ],
            ),
            (
                "ECE.3",
                "Relationships and communication",
                "Relations et communication",
                [
                    (
                        "ECE.3.1",
                        S,
                        "Communicate with families",
                        "Communiquer avec les familles",
                    ),
                    (
                        "ECE.3.2",
                        A,
                        "Show respect for diversity and inclusion",
                        "Faire preuve de respect envers la diversité et l’inclusion",
                    ),
                    (
                        "ECE.3.3",
                        S,
                        "Work as part of an early learning team",
                        "Travailler au sein d’une équipe éducative",
                    ),
                    (
                        "ECE.3.4",
                        A,
                        "Reflect on one’s own practice",
                        "Réfléchir à sa propre pratique",
                    ),
                    (
                        "ECE.3.5",
                        S,
                        "Support children’s transitions and routines",
                        "Accompagner les transitions et les routines",
                    ),
                ],
            ),
        ],
    },
    "profile": {
        "owner": "bow-river-college",
        "coordinator": "coordinator@bowriver.example",
        "title_en": "Early childhood educator assistant",
        "title_fr": "Aide-éducatrice ou aide-éducateur à la petite enfance",
        "noc_code": "42202",
        "region": "AB",
        "description_en": "Works with early childhood educators in licensed child care: "
        "cares for children from infancy to age six, leads play-based activities, keeps "
        "children safe and healthy, and keeps families informed.",
        "description_fr": "Travaille avec les éducatrices et éducateurs en service de garde "
        "agréé : prend soin d’enfants de la naissance à six ans, anime des activités par le "
        "jeu, assure leur santé et leur sécurité et informe les familles.",
    },
    "duties": [
        (
            "Support children’s learning and development",
            "Soutenir l’apprentissage et le développement des enfants",
            [
                (
                    "Plan daily play-based activities",
                    "Planifier les activités quotidiennes par le jeu",
                    [("ECE.1.3", 3, 4), ("ECE.1.1", 2, 3)],
                    [
                        (
                            "Prepare materials and learning centres",
                            "Préparer le matériel et les coins d’apprentissage",
                            [("ECE.1.3", 2, 3)],
                        ),
                        (
                            "Adapt activities for children with additional needs",
                            "Adapter les activités aux enfants ayant des besoins particuliers",
                            [("ECE.3.2", 3, 4)],
                        ),
                    ],
                ),
                (
                    "Observe and document children’s progress",
                    "Observer et documenter les progrès des enfants",
                    [("ECE.1.2", 3, 4), ("ECE.1.1", 3, 4)],
                    [
                        (
                            "Write daily observation notes",
                            "Rédiger les notes d’observation quotidiennes",
                            [("ECE.1.2", 2, 4)],
                        ),
                    ],
                ),
                (
                    "Support language and literacy during routines",
                    "Soutenir le langage et la littératie pendant les routines",
                    [("ECE.1.4", 2, 3)],
                    [],
                ),
                (
                    "Guide children’s behaviour",
                    "Guider le comportement des enfants",
                    [("ECE.1.5", 3, 5)],
                    [],
                ),
            ],
        ),
        (
            "Keep children healthy and safe",
            "Assurer la santé et la sécurité des enfants",
            [
                (
                    "Supervise children indoors and outdoors",
                    "Superviser les enfants à l’intérieur et à l’extérieur",
                    [("ECE.2.3", 3, 5), ("ECE.2.1", 2, 4)],
                    [
                        (
                            "Check play areas for hazards",
                            "Vérifier les aires de jeu pour repérer les dangers",
                            [("ECE.2.3", 2, 4)],
                        ),
                    ],
                ),
                (
                    "Follow health and hygiene routines",
                    "Suivre les routines de santé et d’hygiène",
                    [("ECE.2.2", 3, 5)],
                    [
                        (
                            "Sanitise toys and surfaces",
                            "Désinfecter les jouets et les surfaces",
                            [("ECE.2.2", 2, 4)],
                        ),
                    ],
                ),
                (
                    "Prepare and serve snacks and meals",
                    "Préparer et servir les collations et les repas",
                    [("ECE.2.5", 3, 5)],
                    [],
                ),
                (
                    "Respond to incidents and emergencies",
                    "Intervenir lors d’incidents et d’urgences",
                    [("ECE.2.4", 3, 5), ("ECE.2.6", 2, 5)],
                    [
                        (
                            "Complete incident reports",
                            "Remplir les rapports d’incident",
                            [("ECE.2.1", 2, 3)],
                        ),
                    ],
                ),
            ],
        ),
        (
            "Work with families and the team",
            "Travailler avec les familles et l’équipe",
            [
                (
                    "Share each child’s day with families",
                    "Raconter la journée de chaque enfant aux familles",
                    [("ECE.3.1", 3, 4), ("ECE.3.2", 2, 4)],
                    [],
                ),
                (
                    "Support arrivals, departures and transitions",
                    "Accompagner les arrivées, les départs et les transitions",
                    [("ECE.3.5", 2, 3)],
                    [],
                ),
                (
                    "Take part in team meetings and reflect on practice",
                    "Participer aux réunions d’équipe et réfléchir à sa pratique",
                    [("ECE.3.3", 2, 3), ("ECE.3.4", 2, 3)],
                    [],
                ),
            ],
        ),
    ],
    "reviewers": ["little-sprouts"],
    "review": {
        "little-sprouts": {
            "comments": [
                (
                    "task",
                    "Respond to incidents and emergencies",
                    "comment",
                    "Our staff renew standard first aid and CPR level C every three years; please say so.",
                ),
                (
                    "need",
                    "ECE.2.5",
                    "proposal",
                    "Allergy management is critical for us: we have four children with anaphylaxis plans.",
                ),
            ],
            "ratings": {"ECE.2.5": 5, "ECE.2.3": 5, "ECE.1.2": 4, "ECE.3.1": 5},
            "summary": "This describes the assistants we hire. We endorse it.",
        }
    },
    "credential": {
        "slug": "ece-assistant-entry",
        "title_en": "Early Childhood Educator Assistant — Entry to Practice",
        "title_fr": "Aide à la petite enfance — Entrée en pratique",
        "description_en": "Certifies that the holder can work as an early childhood educator "
        "assistant in licensed child care in Alberta: support play-based learning, keep "
        "children safe and healthy, and work with families and the team.",
        "description_fr": "Atteste que la personne peut travailler comme aide à la petite "
        "enfance en service de garde agréé en Alberta : soutenir l’apprentissage par le jeu, "
        "assurer la santé et la sécurité des enfants, travailler avec les familles et l’équipe.",
        "criteria_en": "Every competency demonstrated at its required level, by the methods "
        "allowed for it. Supervision and emergency response are shown in a performance task "
        "observed by an assessor.",
        "criteria_fr": "Chaque compétence démontrée au niveau exigé, par les méthodes permises. "
        "La supervision et l’intervention d’urgence sont démontrées dans une tâche observée "
        "par une évaluatrice ou un évaluateur.",
        "full_program_hours": 150,
        "validity_months": 36,
        "stacks_into": "Early Learning and Child Care Certificate (Level 1)",
    },
}

CYBER: dict[str, Any] = {
    "framework": {
        "key": "cyber",
        "title": "Junior Cybersecurity Analyst Competencies",
        "version": "2025",
        "owner": "college-saint-laurent",
        "description": "Competencies of a tier-1 security operations centre (SOC) analyst, "
        "written with Canadian managed security providers.",
        "domains": [
            (
                "CYB.1",
                "Security foundations",
                "Fondements de la sécurité",
                [
                    (
                        "CYB.1.1",
                        K,
                        "Networking fundamentals (TCP/IP, DNS, routing)",
                        "Notions de réseautique (TCP/IP, DNS, routage)",
                    ),
                    (
                        "CYB.1.2",
                        K,
                        "Operating system security (Windows and Linux)",
                        "Sécurité des systèmes d’exploitation (Windows et Linux)",
                    ),
                    (
                        "CYB.1.3",
                        K,
                        "Common attacks and threat actors",
                        "Attaques courantes et acteurs de la menace",
                    ),
                    (
                        "CYB.1.4",
                        K,
                        "Canadian privacy law (PIPEDA) and security frameworks",
                        "Loi canadienne sur la protection des renseignements (LPRPDE) et cadres de sécurité",
                    ),
                ],
            ),
            (
                "CYB.2",
                "Monitoring and detection",
                "Surveillance et détection",
                [
                    (
                        "CYB.2.1",
                        S,
                        "Monitor security alerts in a SIEM",
                        "Surveiller les alertes de sécurité dans un SIEM",
                    ),
                    (
                        "CYB.2.2",
                        S,
                        "Analyse logs to find suspicious activity",
                        "Analyser des journaux pour repérer des activités suspectes",
                    ),
                    (
                        "CYB.2.3",
                        S,
                        "Triage phishing reports",
                        "Trier les signalements d’hameçonnage",
                    ),
                    (
                        "CYB.2.4",
                        S,
                        "Use network traffic analysis tools",
                        "Utiliser des outils d’analyse du trafic réseau",
                    ),
                ],
            ),
            (
                "CYB.3",
                "Incident response",
                "Intervention en cas d’incident",
                [
                    (
                        "CYB.3.1",
                        S,
                        "Follow an incident response playbook",
                        "Suivre une procédure d’intervention en cas d’incident",
                    ),
                    (
                        "CYB.3.2",
                        S,
                        "Collect and preserve evidence",
                        "Recueillir et préserver les preuves",
                    ),
                    (
                        "CYB.3.3",
                        S,
                        "Escalate incidents and write incident reports",
                        "Escalader les incidents et rédiger les rapports",
                    ),
                ],
            ),
            (
                "CYB.4",
                "Vulnerability management",
                "Gestion des vulnérabilités",
                [
                    (
                        "CYB.4.1",
                        S,
                        "Run vulnerability scans and read the results",
                        "Lancer des analyses de vulnérabilités et en interpréter les résultats",
                    ),
                    (
                        "CYB.4.2",
                        S,
                        "Prioritise vulnerabilities by risk",
                        "Prioriser les vulnérabilités selon le risque",
                    ),
                    (
                        "CYB.4.3",
                        S,
                        "Verify patches and configuration hardening",
                        "Vérifier les correctifs et le renforcement des configurations",
                    ),
                ],
            ),
            (
                "CYB.5",
                "Professional practice",
                "Pratique professionnelle",
                [
                    (
                        "CYB.5.1",
                        S,
                        "Explain security issues to non-specialists",
                        "Expliquer les enjeux de sécurité à des non-spécialistes",
                    ),
                    (
                        "CYB.5.2",
                        A,
                        "Act ethically with confidential information",
                        "Agir avec éthique face à l’information confidentielle",
                    ),
                    (
                        "CYB.5.3",
                        S,
                        "Script simple automations (Python or PowerShell)",
                        "Automatiser des tâches simples par script (Python ou PowerShell)",
                    ),
                ],
            ),
        ],
    },
    "profile": {
        "owner": "college-saint-laurent",
        "coordinator": "coordination@saintlaurent.example",
        "title_en": "Junior cybersecurity analyst",
        "title_fr": "Analyste en cybersécurité junior",
        "noc_code": "21220",
        "region": "",
        "description_en": "Watches an organisation’s systems in a security operations "
        "centre: triages alerts, investigates suspicious activity, follows incident "
        "playbooks and tracks vulnerabilities, under a senior analyst.",
        "description_fr": "Surveille les systèmes d’une organisation dans un centre des "
        "opérations de sécurité : trie les alertes, enquête sur les activités suspectes, "
        "applique les procédures d’intervention et suit les vulnérabilités, sous la "
        "supervision d’une ou d’un analyste principal.",
    },
    "duties": [
        (
            "Monitor and detect threats",
            "Surveiller et détecter les menaces",
            [
                (
                    "Monitor SIEM alerts during a shift",
                    "Surveiller les alertes du SIEM pendant un quart",
                    [("CYB.2.1", 3, 5), ("CYB.1.3", 2, 4)],
                    [
                        (
                            "Tune noisy alert rules with a senior analyst",
                            "Ajuster les règles d’alerte trop bruyantes avec un analyste principal",
                            [("CYB.2.1", 2, 3), ("CYB.5.3", 2, 3)],
                        ),
                    ],
                ),
                (
                    "Investigate suspicious activity in logs",
                    "Enquêter sur les activités suspectes dans les journaux",
                    [("CYB.2.2", 3, 5), ("CYB.1.2", 2, 4), ("CYB.1.1", 2, 4)],
                    [
                        (
                            "Check network traffic captures",
                            "Examiner les captures de trafic réseau",
                            [("CYB.2.4", 2, 3)],
                        ),
                    ],
                ),
                (
                    "Triage phishing reports from staff",
                    "Trier les signalements d’hameçonnage du personnel",
                    [("CYB.2.3", 3, 4)],
                    [],
                ),
            ],
        ),
        (
            "Respond to incidents",
            "Intervenir en cas d’incident",
            [
                (
                    "Contain incidents by following the playbook",
                    "Contenir les incidents en suivant la procédure",
                    [("CYB.3.1", 3, 5)],
                    [
                        (
                            "Collect and preserve evidence",
                            "Recueillir et préserver les preuves",
                            [("CYB.3.2", 2, 4)],
                        ),
                    ],
                ),
                (
                    "Escalate and report incidents",
                    "Escalader et signaler les incidents",
                    [("CYB.3.3", 3, 4), ("CYB.1.4", 2, 3)],
                    [],
                ),
            ],
        ),
        (
            "Manage vulnerabilities",
            "Gérer les vulnérabilités",
            [
                (
                    "Run and review vulnerability scans",
                    "Lancer et examiner les analyses de vulnérabilités",
                    [("CYB.4.1", 3, 4)],
                    [
                        (
                            "Prioritise findings by risk",
                            "Prioriser les constats selon le risque",
                            [("CYB.4.2", 2, 4)],
                        ),
                    ],
                ),
                (
                    "Verify patching and hardening",
                    "Vérifier les correctifs et le renforcement",
                    [("CYB.4.3", 2, 3)],
                    [],
                ),
            ],
        ),
        (
            "Communicate and act professionally",
            "Communiquer et agir avec professionnalisme",
            [
                (
                    "Explain risks and advice to staff",
                    "Expliquer les risques et les conseils au personnel",
                    [("CYB.5.1", 2, 3)],
                    [],
                ),
                (
                    "Handle confidential information",
                    "Traiter l’information confidentielle",
                    [("CYB.5.2", 3, 5)],
                    [],
                ),
            ],
        ),
    ],
    "reviewers": ["northern-shield"],
    "review": {
        "northern-shield": {
            "comments": [
                (
                    "need",
                    "CYB.5.3",
                    "comment",
                    "Scripting is a plus for a junior, not a requirement.",
                ),
                (
                    "task",
                    "Escalate and report incidents",
                    "proposal",
                    "Add our ticketing workflow: juniors must document every escalation in the ticket.",
                ),
            ],
            "ratings": {"CYB.2.1": 5, "CYB.2.2": 5, "CYB.5.3": 2, "CYB.5.2": 5},
            "summary": "Matches our tier-1 analyst role. Endorsed.",
        }
    },
    "credential": {
        "slug": "junior-soc-analyst",
        "title_en": "Junior Cybersecurity Analyst (SOC Tier 1)",
        "title_fr": "Analyste en cybersécurité junior (SOC niveau 1)",
        "description_en": "Certifies that the holder can work a tier-1 shift in a security "
        "operations centre: monitor and triage alerts, investigate suspicious activity, "
        "follow incident playbooks and track vulnerabilities.",
        "description_fr": "Atteste que la personne peut assurer un quart de niveau 1 dans un "
        "centre des opérations de sécurité : surveiller et trier les alertes, enquêter sur les "
        "activités suspectes, appliquer les procédures d’intervention et suivre les "
        "vulnérabilités.",
        "criteria_en": "Every competency demonstrated at its required level. Alert triage and "
        "log analysis are shown on a simulated SIEM, scored with a rubric.",
        "criteria_fr": "Chaque compétence démontrée au niveau exigé. Le tri des alertes et "
        "l’analyse des journaux sont démontrés sur un SIEM simulé, notés avec une grille.",
        "full_program_hours": 240,
        "validity_months": 24,
        "stacks_into": "Diploma in Cybersecurity",
    },
}

LOGISTICS: dict[str, Any] = {
    "framework": {
        "key": "logistics",
        "title": "Shipping and Receiving Competencies",
        "version": "2025",
        "owner": "bow-river-college",
        "description": "Competencies of shippers and receivers in warehouses and "
        "distribution centres of the Prairies.",
        "domains": [
            (
                "LOG.1",
                "Receiving and shipping",
                "Réception et expédition",
                [
                    (
                        "LOG.1.1",
                        S,
                        "Check incoming goods against purchase orders and bills of lading",
                        "Vérifier les marchandises reçues contre les bons de commande et les connaissements",
                    ),
                    (
                        "LOG.1.2",
                        S,
                        "Prepare shipments and shipping documents",
                        "Préparer les envois et les documents d’expédition",
                    ),
                    (
                        "LOG.1.3",
                        K,
                        "Transportation of dangerous goods (TDG) rules",
                        "Règles sur le transport des marchandises dangereuses (TMD)",
                    ),
                    (
                        "LOG.1.4",
                        K,
                        "Customs documents for cross-border shipments",
                        "Documents douaniers des envois transfrontaliers",
                    ),
                    (
                        "LOG.1.5",
                        S,
                        "Label, pack and palletise goods",
                        "Étiqueter, emballer et palettiser les marchandises",
                    ),
                ],
            ),
            (
                "LOG.2",
                "Inventory and systems",
                "Stocks et systèmes",
                [
                    (
                        "LOG.2.1",
                        S,
                        "Record transactions in a warehouse management system",
                        "Enregistrer les transactions dans un système de gestion d’entrepôt",
                    ),
                    (
                        "LOG.2.2",
                        S,
                        "Use handheld barcode scanners",
                        "Utiliser des lecteurs de codes-barres portatifs",
                    ),
                    (
                        "LOG.2.3",
                        S,
                        "Count inventory and reconcile discrepancies",
                        "Compter les stocks et résoudre les écarts",
                    ),
                    (
                        "LOG.2.4",
                        K,
                        "Stock rotation methods (FIFO, FEFO)",
                        "Méthodes de rotation des stocks (PEPS, PPPS)",
                    ),
                ],
            ),
            (
                "LOG.3",
                "Safe material handling",
                "Manutention sécuritaire",
                [
                    (
                        "LOG.3.1",
                        S,
                        "Operate a forklift safely",
                        "Conduire un chariot élévateur en toute sécurité",
                    ),
                    (
                        "LOG.3.2",
                        S,
                        "Lift and move loads safely",
                        "Soulever et déplacer des charges en toute sécurité",
                    ),
                    ("LOG.3.3", K, "WHMIS 2015", "SIMDUT 2015"),
                    (
                        "LOG.3.4",
                        S,
                        "Inspect equipment and report hazards",
                        "Inspecter l’équipement et signaler les dangers",
                    ),
                ],
            ),
            (
                "LOG.4",
                "Communication and teamwork",
                "Communication et travail d’équipe",
                [
                    (
                        "LOG.4.1",
                        S,
                        "Coordinate pickups with carriers and drivers",
                        "Coordonner les ramassages avec les transporteurs et les chauffeurs",
                    ),
                    (
                        "LOG.4.2",
                        S,
                        "Report damaged or missing goods",
                        "Signaler les marchandises endommagées ou manquantes",
                    ),
                    (
                        "LOG.4.3",
                        A,
                        "Work accurately under time pressure",
                        "Travailler avec précision sous pression",
                    ),
                ],
            ),
        ],
    },
    "profile": {
        "owner": "bow-river-college",
        "coordinator": "coordinator@bowriver.example",
        "title_en": "Shipper and receiver",
        "title_fr": "Expéditrice-réceptionnaire ou expéditeur-réceptionnaire",
        "noc_code": "14400",
        "region": "MB",
        "description_en": "Receives, checks, records and ships goods in a warehouse or "
        "distribution centre, prepares shipping documents and keeps inventory accurate.",
        "description_fr": "Reçoit, vérifie, enregistre et expédie les marchandises dans un "
        "entrepôt ou un centre de distribution, prépare les documents d’expédition et tient "
        "les stocks à jour.",
    },
    "duties": [
        (
            "Receive goods",
            "Recevoir les marchandises",
            [
                (
                    "Unload and check deliveries",
                    "Décharger et vérifier les livraisons",
                    [("LOG.1.1", 3, 5), ("LOG.3.2", 2, 4)],
                    [
                        (
                            "Report damaged or missing goods",
                            "Signaler les marchandises endommagées ou manquantes",
                            [("LOG.4.2", 2, 4)],
                        ),
                    ],
                ),
                (
                    "Record receipts in the warehouse system",
                    "Enregistrer les réceptions dans le système d’entrepôt",
                    [("LOG.2.1", 2, 4), ("LOG.2.2", 2, 3)],
                    [],
                ),
            ],
        ),
        (
            "Ship orders",
            "Expédier les commandes",
            [
                (
                    "Pick, pack and label orders",
                    "Préparer, emballer et étiqueter les commandes",
                    [("LOG.1.5", 3, 4), ("LOG.4.3", 2, 4)],
                    [
                        (
                            "Palletise and wrap loads",
                            "Palettiser et filmer les charges",
                            [("LOG.1.5", 2, 3)],
                        ),
                    ],
                ),
                (
                    "Prepare shipping documents",
                    "Préparer les documents d’expédition",
                    [("LOG.1.2", 3, 5), ("LOG.1.3", 2, 4), ("LOG.1.4", 2, 3)],
                    [],
                ),
                (
                    "Coordinate pickups with carriers",
                    "Coordonner les ramassages avec les transporteurs",
                    [("LOG.4.1", 2, 3)],
                    [],
                ),
            ],
        ),
        (
            "Keep stock accurate",
            "Tenir les stocks exacts",
            [
                (
                    "Count stock and reconcile discrepancies",
                    "Compter les stocks et résoudre les écarts",
                    [("LOG.2.3", 2, 4), ("LOG.2.4", 2, 3)],
                    [],
                ),
            ],
        ),
    ],
    # Prairie Freight asks for changes on version 1; version 2 adds this duty.
    "duties_v2": [
        (
            "Work safely with equipment and hazardous products",
            "Travailler en sécurité avec l’équipement et les produits dangereux",
            [
                (
                    "Operate a forklift",
                    "Conduire un chariot élévateur",
                    [("LOG.3.1", 3, 5)],
                    [
                        (
                            "Inspect the forklift before each shift",
                            "Inspecter le chariot élévateur avant chaque quart",
                            [("LOG.3.4", 2, 4)],
                        ),
                    ],
                ),
                (
                    "Handle hazardous products",
                    "Manipuler des produits dangereux",
                    [("LOG.3.3", 2, 5)],
                    [],
                ),
            ],
        ),
    ],
    "reviewers": ["prairie-freight"],
    "changes": "Every shipper here drives a forklift and handles WHMIS-labelled products: add them, then we will endorse.",
    "review": {
        "prairie-freight": {
            "comments": [
                (
                    "need",
                    "LOG.1.4",
                    "comment",
                    "Customs papers matter for our US lanes: keep them.",
                ),
            ],
            "ratings": {"LOG.1.1": 5, "LOG.1.2": 5, "LOG.3.1": 5, "LOG.2.4": 3},
            "summary": "Version 2 covers forklifts and WHMIS. We endorse it.",
        }
    },
    "credential": {
        "slug": "shipping-receiving-essentials",
        "title_en": "Shipping and Receiving Essentials",
        "title_fr": "Essentiels de l’expédition et de la réception",
        "description_en": "Certifies that the holder can receive, record and ship goods "
        "accurately and safely in a warehouse, including forklift operation and the "
        "documents of domestic and cross-border shipments.",
        "description_fr": "Atteste que la personne peut recevoir, enregistrer et expédier des "
        "marchandises avec exactitude et en sécurité dans un entrepôt, y compris la conduite "
        "d’un chariot élévateur et les documents des envois au pays et transfrontaliers.",
        "criteria_en": "Every competency demonstrated at its required level; forklift "
        "operation is shown in a supervised practical test, or by a valid employer "
        "certificate (recognition of prior learning).",
        "criteria_fr": "Chaque compétence démontrée au niveau exigé; la conduite du chariot "
        "élévateur est démontrée lors d’un essai pratique supervisé, ou par une attestation "
        "valide de l’employeur (reconnaissance des acquis).",
        "full_program_hours": 80,
        "validity_months": 36,
        "stacks_into": "",
    },
}

PROFILES = [ECE, CYBER, LOGISTICS]

# employer, job title, NOC, openings, region, city, urgency, wage range per hour, notes
DEMAND = [
    (
        "little-sprouts",
        "Early childhood educator assistant",
        "42202",
        6,
        "AB",
        "Calgary",
        "now",
        18,
        22,
        "Two new infant rooms open in the spring.",
    ),
    (
        "little-sprouts",
        "Early childhood educator assistant",
        "42202",
        2,
        "AB",
        "Airdrie",
        "soon",
        18,
        21,
        "",
    ),
    (
        "little-sprouts",
        "Child care cook",
        "",
        1,
        "AB",
        "Calgary",
        "later",
        17,
        19,
        "Must manage allergy menus.",
    ),
    (
        "northern-shield",
        "Junior SOC analyst",
        "21220",
        4,
        "ON",
        "Toronto",
        "soon",
        28,
        35,
        "Evening and weekend shifts.",
    ),
    (
        "northern-shield",
        "Junior SOC analyst",
        "21220",
        2,
        "QC",
        "Montréal",
        "later",
        27,
        33,
        "Bilingual analysts preferred.",
    ),
    (
        "prairie-freight",
        "Shipper and receiver",
        "14400",
        8,
        "MB",
        "Winnipeg",
        "now",
        19,
        23,
        "Forklift certificate an asset.",
    ),
    (
        "prairie-freight",
        "Shipper and receiver",
        "14400",
        3,
        "SK",
        "Regina",
        "soon",
        19,
        22,
        "",
    ),
    (
        "prairie-freight",
        "Logistics coordinator",
        "13201",
        2,
        "MB",
        "Winnipeg",
        "later",
        24,
        29,
        "Coordinates cross-border loads.",
    ),
]
