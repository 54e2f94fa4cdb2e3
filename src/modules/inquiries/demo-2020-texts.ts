// What people asked the call center in 2020, by FAQ theme of the demo (knowledge's demo themes),
// and what they were told: a few sentences each, in French and Dutch, for the demo's 2020.

export type Texts = [fr: string, nl: string];

export const QUESTIONS_BY_THEME: Record<string, Texts[]> = {
  'droit-passerelle': [
    [
      'Mon restaurant est fermé depuis le 14 mars : ai-je droit au droit passerelle de crise ?',
      'Mijn restaurant is dicht sinds 14 maart: heb ik recht op het crisis-overbruggingsrecht?',
    ],
    [
      'Je suis indépendant à titre complémentaire, puis-je demander le droit passerelle ?',
      'Ik ben zelfstandige in bijberoep, kan ik het overbruggingsrecht aanvragen?',
    ],
    [
      'Quand le droit passerelle d’avril sera-t-il versé ?',
      'Wanneer wordt het overbruggingsrecht van april uitbetaald?',
    ],
  ],
  cotisations: [
    [
      'Puis-je reporter mes cotisations sociales du premier trimestre ?',
      'Kan ik mijn sociale bijdragen van het eerste kwartaal uitstellen?',
    ],
    [
      'Comment demander une réduction de mes cotisations provisoires ?',
      'Hoe vraag ik een vermindering van mijn voorlopige bijdragen aan?',
    ],
  ],
  secteurs: [
    [
      'Mon salon de coiffure doit-il rester fermé pendant le confinement ?',
      'Moet mijn kapsalon dicht blijven tijdens de lockdown?',
    ],
    [
      'Mon activité est-elle considérée comme essentielle ?',
      'Wordt mijn activiteit als essentieel beschouwd?',
    ],
  ],
  statut: [
    [
      'Je commence mon activité en avril : suis-je assujetti dès maintenant ?',
      'Ik start mijn activiteit in april: ben ik nu al onderworpen?',
    ],
    [
      'Suis-je indépendant ou salarié si je travaille pour une seule société ?',
      'Ben ik zelfstandige of werknemer als ik voor één vennootschap werk?',
    ],
  ],
  'famille-sante': [
    [
      'Mon enfant est en quarantaine : existe-t-il un congé pour les indépendants ?',
      'Mijn kind is in quarantaine: bestaat er een verlof voor zelfstandigen?',
    ],
    [
      'Je suis malade du coronavirus, qui m’indemnise ?',
      'Ik ben ziek door het coronavirus, wie vergoedt mij?',
    ],
  ],
  procedure: [
    [
      'Ma demande de droit passerelle a été refusée, comment introduire un recours ?',
      'Mijn aanvraag overbruggingsrecht werd geweigerd, hoe ga ik in beroep?',
    ],
    [
      'Je n’ai toujours pas de réponse de ma caisse, que faire ?',
      'Ik heb nog steeds geen antwoord van mijn fonds, wat moet ik doen?',
    ],
  ],
  cumul: [
    [
      'Puis-je cumuler le droit passerelle avec une allocation de chômage temporaire ?',
      'Mag ik het overbruggingsrecht combineren met een tijdelijke werkloosheidsuitkering?',
    ],
    [
      'Je touche une pension : ai-je droit au droit passerelle ?',
      'Ik ontvang een pensioen: heb ik recht op het overbruggingsrecht?',
    ],
  ],
  organisation: [
    [
      'Vos bureaux sont-ils ouverts pour déposer un document ?',
      'Zijn jullie kantoren open om een document af te geven?',
    ],
    ['À quelle adresse puis-je envoyer mon formulaire ?', 'Naar welk adres kan ik mijn formulier sturen?'],
  ],
};

/** A question without a theme: the caller could not say what it was about yet. */
export const UNTHEMED: Texts = [
  'Je voudrais savoir à quelles aides j’ai droit avec la crise.',
  'Ik wil weten op welke steun ik recht heb door de crisis.',
];

/** The few German speakers of the east cantons, whatever their theme. */
export const IN_GERMAN = 'Habe ich als Selbständiger Anspruch auf das Überbrückungsrecht?';

export const ANSWERS = {
  agent: [
    'Réponse donnée au téléphone à partir de la fiche FAQ.',
    'Antwoord gegeven aan de telefoon op basis van de FAQ-fiche.',
  ] as Texts,
  expert: [
    'Après vérification de votre dossier : oui, vous y avez droit ; votre caisse procède au paiement.',
    'Na nazicht van uw dossier: ja, u hebt er recht op; uw fonds gaat over tot betaling.',
  ] as Texts,
  fundQuestion: [
    'Pouvez-vous nous confirmer la situation du dossier (paiements et cotisations) ?',
    'Kunt u ons de stand van het dossier bevestigen (betalingen en bijdragen)?',
  ] as Texts,
  fundAnswer: [
    'Dossier en ordre, paiement effectué la semaine dernière.',
    'Dossier in orde, betaling vorige week uitgevoerd.',
  ] as Texts,
};

export const FIRST_NAMES = [
  'Marie',
  'Jan',
  'Sofie',
  'Luc',
  'Nathalie',
  'Pieter',
  'Fatima',
  'Kevin',
  'Els',
  'Mohamed',
  'Julie',
  'Bart',
  'Isabelle',
  'Tom',
  'Karima',
  'Wim',
  'Céline',
  'Joris',
  'Anne',
  'Dries',
];
export const LAST_NAMES = [
  'Dubois',
  'Peeters',
  'Janssens',
  'Lambert',
  'Maes',
  'Dupont',
  'Claes',
  'Martin',
  'Willems',
  'Leclercq',
  'Goossens',
  'Mertens',
  'Renard',
  'Wouters',
  'Simon',
  'Jacobs',
  'Laurent',
  'Hermans',
];
