import type { FlowsMessageKey } from "./flows-en";
import type { Message } from "./plural";

/** The words of the list of flows and of importing a file, in French (see `flows-en.ts`). */
export const flowsFr: Record<FlowsMessageKey, Message> = {
  "flows.title": "Scénarios",
  "flows.noMatch": "Aucun scénario dont le nom contient « {search} ».",
  "flows.fromTemplate": "Depuis un modèle…",
  "flows.search": "Chercher un scénario par son nom",
  "flows.newName": "Nom du nouveau scénario",
  "flows.create": "Créer",
  "flows.import": "Importer un JSON…",
  "flows.dropHint": "Astuce : déposez un fichier JSON n’importe où sur cette page pour l’importer.",
  "flows.empty": "Aucun scénario pour l’instant. Créez-en un ou importez un fichier JSON.",
  "flows.name": "Nom",
  "flows.status": "État",
  "flows.steps": "Étapes",
  "flows.updated": "Dernière modification",
  "flows.actions": "Actions",
  "flows.neverPublished": "Brouillon, jamais publié",
  "flows.draftChanges": "Modifications non publiées (en ligne : v{version})",
  "flows.published": "Publié v{version}",
  "flows.live": "En ligne",
  "flows.paused": "En pause (v{version} conservée)",
  "flows.pause": "Mettre en pause",
  "flows.resume": "Reprendre",
  "flows.pausedNotice":
    "« {name} » est en pause : il ne répond plus à aucun mot-clé, lien ni événement jusqu’à sa reprise.",
  "flows.resumedNotice": "« {name} » est de nouveau en ligne.",
  "flows.rename": "Renommer",
  "flows.duplicate": "Dupliquer",
  "flows.export": "Exporter",
  "flows.delete": "Supprimer",
  "flows.copyOf": "{name} (copie)",
  "flows.confirmDelete": "Supprimer le scénario « {name} » et toutes ses versions ?",
  "flows.imported": "« {name} » importé.",
  "flows.importedMigrated": "« {name} » importé (converti depuis la version {version} du format).",

  "import.existsTitle": "« {name} » existe déjà",
  "import.exists":
    "Un scénario avec le même identifiant ({id}) existe déjà. Que faire du fichier ?",
  "import.asCopy": "Importer comme copie",
  "import.replace": "Remplacer le scénario existant",
  "import.cancel": "Annuler",
  "import.replaced": "« {name} » remplacé par le fichier.",
  "flows.showing": "Les {shown} scénarios les plus récents sur {total}.",
  "flows.showMore": "En afficher {count} de plus",
};
