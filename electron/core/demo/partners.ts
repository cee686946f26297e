import type { Partner, PartnerType } from '../../contract';
import { savePartner } from '../case-follow-up/repository';
import type { Db } from '../db/database';
import { newId } from '../ids';
import { fictitiousPerson } from './people';

interface DemoPartner {
  name: string;
  type: PartnerType;
  city: string;
  /** Domain of the fictitious e-mail address (the reserved `.example` TLD: it cannot exist). */
  mail: string;
  /** Landline prefix of the city. */
  prefix: string;
  services: string;
  archived?: boolean;
}

/** Real kinds of services around Oujda and in Rabat; every contact below is made up. */
const DIRECTORY: DemoPartner[] = [
  {
    name: 'ANAPEC — Agence Oujda',
    type: 'public_service',
    city: 'Oujda',
    mail: 'anapec-oujda',
    prefix: '0536',
    services: "Inscription des chercheurs d'emploi, ateliers de recherche d'emploi, programmes Idmaj et Taehil",
  },
  {
    name: "Entraide Nationale — Délégation d'Oujda",
    type: 'public_service',
    city: 'Oujda',
    mail: 'entraide-oujda',
    prefix: '0536',
    services: "Centres d'éducation et de formation, aide sociale, accueil des femmes en situation de vulnérabilité",
  },
  {
    name: 'Hôpital Al Farabi',
    type: 'public_service',
    city: 'Oujda',
    mail: 'hopital-alfarabi',
    prefix: '0536',
    services: "Urgences, consultations, maternité ; assistante sociale de l'hôpital",
  },
  {
    name: 'Centre de santé urbain Hay Al Qods',
    type: 'public_service',
    city: 'Oujda',
    mail: 'csu-alqods',
    prefix: '0536',
    services: 'Vaccinations, suivi de grossesse, consultations de médecine générale',
  },
  {
    name: 'École primaire Ibn Khaldoun',
    type: 'public_service',
    city: 'Oujda',
    mail: 'ecole-ibnkhaldoun',
    prefix: '0536',
    services: "Inscription scolaire, classes d'éducation non formelle et de mise à niveau",
  },
  {
    name: 'ISTA Oujda (OFPPT)',
    type: 'public_service',
    city: 'Oujda',
    mail: 'ista-oujda',
    prefix: '0536',
    services: 'Formation professionnelle qualifiante : électricité, couture, cuisine, aide-comptable',
  },
  {
    name: "Tribunal de première instance — Cellule d'accueil des femmes et enfants victimes de violence",
    type: 'public_service',
    city: 'Oujda',
    mail: 'tpi-oujda-cellule',
    prefix: '0536',
    services: 'Accueil et orientation des victimes, aide aux démarches de plainte',
  },
  {
    name: 'Bureau des réfugiés et apatrides (BRA)',
    type: 'public_service',
    city: 'Rabat',
    mail: 'bra-rabat',
    prefix: '0537',
    services: 'Délivrance des cartes de réfugié et titres de séjour des réfugiés reconnus',
  },
  {
    name: 'HCR — Bureau de Rabat',
    type: 'un_agency',
    city: 'Rabat',
    mail: 'hcr-rabat',
    prefix: '0537',
    services: "Enregistrement des demandeurs d'asile, détermination du statut de réfugié, assistance aux personnes vulnérables",
  },
  {
    name: 'OIM — Bureau de Rabat',
    type: 'un_agency',
    city: 'Rabat',
    mail: 'oim-rabat',
    prefix: '0537',
    services: 'Aide au retour volontaire et à la réintégration, assistance aux migrants vulnérables',
  },
  {
    name: 'Caritas — Centre d’accueil des migrants',
    type: 'ngo',
    city: 'Rabat',
    mail: 'caritas-accueil',
    prefix: '0537',
    services: "Accueil, aide d'urgence, soutien scolaire, orientation vers les services",
  },
  {
    name: 'Fondation Orient-Occident — Centre d’Oujda',
    type: 'ngo',
    city: 'Oujda',
    mail: 'foo-oujda',
    prefix: '0536',
    services: 'Formation professionnelle, accompagnement psychosocial, activités pour les jeunes',
  },
  {
    name: 'Centre d’hébergement temporaire Al Wafa',
    type: 'ngo',
    city: 'Oujda',
    mail: 'alwafa-hebergement',
    prefix: '0536',
    services: 'Hébergement d’urgence (fermé depuis 2025)',
    archived: true,
  },
];

const digits = (random: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

/** A fictitious landline: the city prefix, then 00 and random digits. */
const landline = (random: () => number, prefix: string) => `${prefix} 00 ${digits(random, 2)} ${digits(random, 2)}`;

/** The demo file's partner directory, with one lawyer's office of a fictitious name. */
export function addDemoPartners(db: Db, random: () => number, at: string): Partner[] {
  const lawyer = fictitiousPerson(random, 'MA');
  const entries: DemoPartner[] = [
    ...DIRECTORY,
    {
      name: `Cabinet de Maître ${lawyer.firstName} ${lawyer.lastName}`,
      type: 'lawyer',
      city: 'Oujda',
      mail: 'cabinet-avocat-oujda',
      prefix: '0536',
      services: 'Droit des étrangers, droit de la famille, plaintes ; consultations gratuites le mercredi',
    },
  ];
  return entries.map((p) => {
    const partner: Partner = {
      id: newId(),
      name: p.name,
      type: p.type,
      city: p.city,
      contact: `${landline(random, p.prefix)} · contact@${p.mail}.example`,
      services: p.services,
      createdAt: at,
      updatedAt: at,
      archivedAt: p.archived ? at : null,
    };
    savePartner(db, partner);
    return partner;
  });
}
