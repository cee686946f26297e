/** Naming patterns for fictitious people; Moroccan names carry their Arabic spelling. */
export interface NamePattern {
  nationality: 'MA' | 'SN' | 'CI' | 'CD' | 'GN' | 'CM' | 'ML';
  male: readonly (readonly [string, string?])[];
  female: readonly (readonly [string, string?])[];
  last: readonly (readonly [string, string?])[];
}

export const namePatterns: readonly NamePattern[] = [
  {
    nationality: 'MA',
    male: [['Youssef', 'يوسف'], ['Mohamed', 'محمد'], ['Hamza', 'حمزة'], ['Omar', 'عمر'], ['Amine', 'أمين'], ['Rachid', 'رشيد'], ['Karim', 'كريم'], ['Said', 'سعيد']],
    female: [['Fatima Zahra', 'فاطمة الزهراء'], ['Khadija', 'خديجة'], ['Salma', 'سلمى'], ['Nadia', 'نادية'], ['Imane', 'إيمان'], ['Meryem', 'مريم'], ['Houda', 'هدى'], ['Latifa', 'لطيفة']],
    last: [['El Amrani', 'العمراني'], ['Bennani', 'بناني'], ['Tazi', 'التازي'], ['Alaoui', 'العلوي'], ['Idrissi', 'الإدريسي'], ['Ouazzani', 'الوزاني'], ['Chraibi', 'الشرايبي'], ['Berrada', 'برادة'], ['Lahlou', 'لحلو'], ['Benjelloun', 'بنجلون']],
  },
  {
    nationality: 'SN',
    male: [['Moussa'], ['Ousmane'], ['Mamadou'], ['Cheikh'], ['Ibrahima'], ['Abdoulaye']],
    female: [['Awa'], ['Fatou'], ['Aminata'], ['Mariama'], ['Ndeye'], ['Khady']],
    last: [['Diop'], ['Ndiaye'], ['Fall'], ['Sow'], ['Sarr'], ['Gueye'], ['Faye']],
  },
  {
    nationality: 'CI',
    male: [['Koffi'], ['Yao'], ['Kouassi'], ['Serge'], ['Didier'], ['Arsène']],
    female: [['Adjoua'], ['Aya'], ['Affoué'], ['Mireille'], ['Akissi'], ['Prisca']],
    last: [['Kouamé'], ['Konan'], ['Touré'], ['Coulibaly'], ['Bamba'], ['Koné'], ["N'Guessan"]],
  },
  {
    nationality: 'CD',
    male: [['Jean-Claude'], ['Patrick'], ['Christian'], ['Héritier'], ['Glody'], ['Trésor']],
    female: [['Grâce'], ['Divine'], ['Merveille'], ['Esther'], ['Nathalie'], ['Chancelle']],
    last: [['Mbuyi'], ['Ilunga'], ['Kalonji'], ['Mukendi'], ['Tshibangu'], ['Nzuzi'], ['Lukusa']],
  },
  {
    nationality: 'GN',
    male: [['Alpha'], ['Mamadou'], ['Thierno'], ['Sékou'], ['Ibrahima'], ['Alseny']],
    female: [['Kadiatou'], ['Fatoumata'], ['Hawa'], ['Mariama'], ['Aïssatou'], ['Djenabou']],
    last: [['Diallo'], ['Barry'], ['Bah'], ['Camara'], ['Sylla'], ['Condé'], ['Soumah']],
  },
  {
    nationality: 'CM',
    male: [['Jean'], ['Paul'], ['Samuel'], ['Blaise'], ['Landry'], ['Franck']],
    female: [['Brigitte'], ['Carine'], ['Estelle'], ['Nadège'], ['Solange'], ['Vanessa']],
    last: [['Mbarga'], ['Fotso'], ['Tchoumi'], ['Ngono'], ['Essomba'], ['Nkoulou'], ['Kamga']],
  },
  {
    nationality: 'ML',
    male: [['Adama'], ['Bakary'], ['Modibo'], ['Seydou'], ['Boubacar'], ['Souleymane']],
    female: [['Assitan'], ['Oumou'], ['Djeneba'], ['Rokia'], ['Kadidia'], ['Mariam']],
    last: [['Traoré'], ['Keïta'], ['Diarra'], ['Sidibé'], ['Konaté'], ['Dembélé'], ['Coulibaly']],
  },
];

export const demoCities = ['Rabat', 'Salé', 'Oujda', 'Tangier', 'Casablanca', 'Beni Mellal', 'Khouribga', 'Nador'] as const;
