<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AcceptRollbackDialog</name>
    <message>
        <source>Open the older vault</source>
        <translation>Ouvrir l’ancien coffre</translation>
    </message>
    <message>
        <source>The vault&apos;s database is older than the state the vault last recorded: an earlier copy of it was put back. If you open it, everything done since that copy was made is lost from this vault: keys you revoked are trusted again, and contacts, cables, drafts and settings are as they were then. Only do this if you put the older copy back on purpose; otherwise restore your latest backup instead. The acceptance and your reason are written in the audit log.</source>
        <translation>La base de données du coffre est plus ancienne que l’état que le coffre a enregistré en dernier&#xa0;: une copie antérieure a été remise en place. Si vous l’ouvrez, tout ce qui a été fait depuis cette copie est perdu pour ce coffre&#xa0;: les clés que vous avez révoquées redeviennent dignes de confiance, et les contacts, télégrammes, brouillons et paramètres sont tels qu’ils étaient alors. Ne le faites que si vous avez remis cette ancienne copie en place volontairement&#xa0;; sinon, restaurez plutôt votre sauvegarde la plus récente. L’acceptation et votre motif sont consignés dans le journal d’audit.</translation>
    </message>
    <message>
        <source>I understand that what changed since that copy is lost</source>
        <translation>Je comprends que ce qui a changé depuis cette copie est perdu</translation>
    </message>
    <message>
        <source>Why do you open the older copy?</source>
        <translation>Pourquoi ouvrez-vous l’ancienne copie&#xa0;?</translation>
    </message>
</context>
<context>
    <name>AddContactDialog</name>
    <message>
        <source>Add a contact from public keys</source>
        <translation>Ajouter un contact à partir de clés publiques</translation>
    </message>
    <message>
        <source>For a correspondent who uses age and ssh-keygen rather than CableDesk. Paste the keys they sent you, then compare the fingerprint with them before you rely on it.</source>
        <translation>Pour un correspondant qui utilise age et ssh-keygen plutôt que CableDesk. Collez les clés qu’il vous a envoyées, puis comparez l’empreinte avec lui avant de vous y fier.</translation>
    </message>
    <message>
        <source>age1…</source>
        <translation>age1…</translation>
    </message>
    <message>
        <source>ssh-ed25519 AAAA…</source>
        <translation>ssh-ed25519 AAAA…</translation>
    </message>
    <message>
        <source>e.g. AMEMBASSY BERLIN</source>
        <translation>p. ex. AMEMBASSY BERLIN</translation>
    </message>
    <message>
        <source>three letters, e.g. DEU</source>
        <translation>trois lettres, p. ex. DEU</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>age recipient:</source>
        <translation>Destinataire age&#xa0;:</translation>
    </message>
    <message>
        <source>age recipient</source>
        <translation>Destinataire age</translation>
    </message>
    <message>
        <source>SSH public key:</source>
        <translation>Clé publique SSH&#xa0;:</translation>
    </message>
    <message>
        <source>SSH public key line</source>
        <translation>Ligne de la clé publique SSH</translation>
    </message>
    <message>
        <source>Post (optional):</source>
        <translation>Poste (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>Référentiel&#xa0;:</translation>
    </message>
    <message>
        <source>Classification scheme</source>
        <translation>Référentiel de classification</translation>
    </message>
    <message>
        <source>Clearance (optional):</source>
        <translation>Habilitation (facultative)&#xa0;:</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>Habilitation</translation>
    </message>
    <message>
        <source>Nationality (optional):</source>
        <translation>Nationalité (facultative)&#xa0;:</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Ajouter le contact</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
</context>
<context>
    <name>AnchorConfirmDialog</name>
    <message>
        <source>Trust a security office&apos;s anchor</source>
        <translation>Approuver l’ancre d’un bureau de sécurité</translation>
    </message>
    <message>
        <source>How you verified it</source>
        <translation>Comment vous l’avez vérifiée</translation>
    </message>
    <message>
        <source>e.g. handed over by the security officer</source>
        <translation>p. ex. remise par l’officier de sécurité</translation>
    </message>
    <message>
        <source>Security office:</source>
        <translation>Bureau de sécurité :</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Périmètre :</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Empreinte&#xa0;:</translation>
    </message>
    <message>
        <source>Safety number:</source>
        <translation>Numéro de sécurité&#xa0;:</translation>
    </message>
    <message>
        <source>How verified:</source>
        <translation>Vérifiée comment :</translation>
    </message>
    <message>
        <source>Compare the fingerprint or safety number with the security office (in person, by phone) before you trust it.</source>
        <translation>Comparez l’empreinte ou le numéro de sécurité avec le bureau de sécurité (en personne, par téléphone) avant de l’approuver.</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Approuver</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Vault already open</source>
        <translation>Coffre déjà ouvert</translation>
    </message>
    <message>
        <source>The vault in {0} is already open in another CableDesk window. Use that window, or close it first.</source>
        <translation>Le coffre de {0} est déjà ouvert dans une autre fenêtre de CableDesk. Utilisez cette fenêtre, ou fermez-la d’abord.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>the vault was locking</source>
        <translation>le coffre se verrouillait</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>CableDesk was closing</source>
        <translation>CableDesk se fermait</translation>
    </message>
</context>
<context>
    <name>AttestDialog</name>
    <message>
        <source>Attest a card</source>
        <translation>Attester une carte</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Numéro de sécurité</translation>
    </message>
    <message>
        <source>The card&apos;s self-signature is valid. Compare its safety number with the person before you attest it: the attestation is for these exact keys.</source>
        <translation>L’autosignature de la carte est valide. Comparez son numéro de sécurité avec la personne avant de l’attester : l’attestation vaut pour ces clés exactement.</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Référentiel</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>Habilitation</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>ISO 3166 code, e.g. FRA</source>
        <translation>Code ISO 3166, p. ex. FRA</translation>
    </message>
    <message>
        <source>Special accesses</source>
        <translation>Accès spéciaux</translation>
    </message>
    <message>
        <source>e.g. ATOMAL, CRYPTO</source>
        <translation>p. ex. ATOMAL, CRYPTO</translation>
    </message>
    <message>
        <source>Release authority</source>
        <translation>Autorité de diffusion</translation>
    </message>
    <message>
        <source>Clearer</source>
        <translation>Validateur</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Bureau d’ordre</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Date d’expiration</translation>
    </message>
    <message>
        <source>Card of:</source>
        <translation>Carte de :</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Empreinte&#xa0;:</translation>
    </message>
    <message>
        <source>Safety number:</source>
        <translation>Numéro de sécurité&#xa0;:</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>Référentiel&#xa0;:</translation>
    </message>
    <message>
        <source>Clearance:</source>
        <translation>Habilitation&#xa0;:</translation>
    </message>
    <message>
        <source>Nationality:</source>
        <translation>Nationalité&#xa0;:</translation>
    </message>
    <message>
        <source>Special accesses:</source>
        <translation>Accès spéciaux :</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Rôles :</translation>
    </message>
    <message>
        <source>Attestation:</source>
        <translation>Attestation :</translation>
    </message>
    <message>
        <source>Attest</source>
        <translation>Attester</translation>
    </message>
    <message>
        <source>Recording the attestation…</source>
        <translation>Enregistrement de l’attestation…</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>Coffre créé</translation>
    </message>
    <message>
        <source>Vault restored</source>
        <translation>Coffre restauré</translation>
    </message>
    <message>
        <source>Identity created</source>
        <translation>Identité créée</translation>
    </message>
    <message>
        <source>Post-quantum key added to the identity</source>
        <translation>Clé post-quantique ajoutée à l’identité</translation>
    </message>
    <message>
        <source>Contact imported</source>
        <translation>Contact importé</translation>
    </message>
    <message>
        <source>Contact added</source>
        <translation>Contact ajouté</translation>
    </message>
    <message>
        <source>Contact verified</source>
        <translation>Contact vérifié</translation>
    </message>
    <message>
        <source>Contact revoked</source>
        <translation>Contact révoqué</translation>
    </message>
    <message>
        <source>Group changed</source>
        <translation>Groupe modifié</translation>
    </message>
    <message>
        <source>Draft created</source>
        <translation>Brouillon créé</translation>
    </message>
    <message>
        <source>Draft deleted</source>
        <translation>Brouillon supprimé</translation>
    </message>
    <message>
        <source>Draft version restored</source>
        <translation>Version de brouillon restaurée</translation>
    </message>
    <message>
        <source>Classification lowered</source>
        <translation>Classification abaissée</translation>
    </message>
    <message>
        <source>Cable sealed</source>
        <translation>Télégramme scellé</translation>
    </message>
    <message>
        <source>Cable opened</source>
        <translation>Télégramme ouvert</translation>
    </message>
    <message>
        <source>Cables imported</source>
        <translation>Télégrammes importés</translation>
    </message>
    <message>
        <source>Document exported</source>
        <translation>Document exporté</translation>
    </message>
    <message>
        <source>Document checked</source>
        <translation>Document vérifié</translation>
    </message>
    <message>
        <source>File encrypted</source>
        <translation>Fichier chiffré</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Phrase de passe changée</translation>
    </message>
    <message>
        <source>Passphrase change cancelled</source>
        <translation>Changement de phrase de passe annulé</translation>
    </message>
    <message>
        <source>Older database accepted</source>
        <translation>Base de données antérieure acceptée</translation>
    </message>
    <message>
        <source>Vault key file upgraded</source>
        <translation>Fichier de clé du coffre mis à niveau</translation>
    </message>
    <message>
        <source>Remembered on this device</source>
        <translation>Mémorisé sur cet appareil</translation>
    </message>
    <message>
        <source>Forgotten on this device</source>
        <translation>Oublié sur cet appareil</translation>
    </message>
    <message>
        <source>Backup created</source>
        <translation>Sauvegarde créée</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Réglage modifié</translation>
    </message>
    <message>
        <source>Secret key exported</source>
        <translation>Clé secrète exportée</translation>
    </message>
    <message>
        <source>Banners recomputed under newer marking rules</source>
        <translation>Bannières recalculées selon des règles de marquage plus récentes</translation>
    </message>
    <message>
        <source>Failed unlock attempts</source>
        <translation>Tentatives de déverrouillage échouées</translation>
    </message>
    <message>
        <source>Cable could not be opened</source>
        <translation>Télégramme impossible à ouvrir</translation>
    </message>
    <message>
        <source>Contact card rejected</source>
        <translation>Fiche de contact refusée</translation>
    </message>
    <message>
        <source>Authority key created</source>
        <translation>Clé d’autorité créée</translation>
    </message>
    <message>
        <source>Anchor exported</source>
        <translation>Ancre exportée</translation>
    </message>
    <message>
        <source>Key attested</source>
        <translation>Clé attestée</translation>
    </message>
    <message>
        <source>Key revoked by the authority</source>
        <translation>Clé révoquée par l’autorité</translation>
    </message>
    <message>
        <source>Directory published</source>
        <translation>Annuaire publié</translation>
    </message>
    <message>
        <source>Security office anchor trusted</source>
        <translation>Ancre d’un bureau de sécurité approuvée</translation>
    </message>
    <message>
        <source>Security office anchor removed</source>
        <translation>Ancre d’un bureau de sécurité retirée</translation>
    </message>
    <message>
        <source>Directory imported</source>
        <translation>Annuaire importé</translation>
    </message>
    <message>
        <source>Attested attribute changed</source>
        <translation>Attribut attesté modifié</translation>
    </message>
    <message>
        <source>Sent for clearance</source>
        <translation>Envoyé pour visa</translation>
    </message>
    <message>
        <source>Clearance answer given</source>
        <translation>Réponse de visa donnée</translation>
    </message>
    <message>
        <source>Clearance answer recorded</source>
        <translation>Réponse de visa enregistrée</translation>
    </message>
    <message>
        <source>Returned changes accepted</source>
        <translation>Modifications renvoyées acceptées</translation>
    </message>
    <message>
        <source>Clearance answer refused</source>
        <translation>Réponse de visa refusée</translation>
    </message>
    <message>
        <source>Identity key replaced (key rotation)</source>
        <translation>Clé d’identité remplacée (changement de clé)</translation>
    </message>
    <message>
        <source>Your own key revoked by a directory</source>
        <translation>Votre propre clé révoquée par un annuaire</translation>
    </message>
    <message>
        <source>Clearance request refused</source>
        <translation>Demande de visa refusée</translation>
    </message>
    <message>
        <source>Release refused</source>
        <translation>Diffusion refusée</translation>
    </message>
    <message>
        <source>how</source>
        <translation>méthode</translation>
    </message>
    <message>
        <source>why</source>
        <translation>motif</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>mis à jour</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>files</source>
        <translation>fichiers</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>verdict</translation>
    </message>
    <message>
        <source>signer</source>
        <translation>signataire</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signé</translation>
    </message>
    <message>
        <source>to</source>
        <translation>destinataires</translation>
    </message>
    <message>
        <source>from</source>
        <translation>expéditeur</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>cable</source>
        <translation>télégramme</translation>
    </message>
    <message>
        <source>banner</source>
        <translation>bannière</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>justification</source>
        <translation>justification</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>phrase de passe</translation>
    </message>
    <message>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>vault</source>
        <translation>coffre</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>pièces jointes</translation>
    </message>
    <message>
        <source>sanitized</source>
        <translation>expurgé</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>extracted</source>
        <translation>extraits</translation>
    </message>
    <message>
        <source>first</source>
        <translation>premier</translation>
    </message>
    <message>
        <source>last</source>
        <translation>dernier</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>saved as version</source>
        <translation>enregistrée comme version</translation>
    </message>
    <message>
        <source>roll-up rules</source>
        <translation>règles de synthèse</translation>
    </message>
    <message>
        <source>drafts changed</source>
        <translation>brouillons modifiés</translation>
    </message>
    <message>
        <source>archived cables changed</source>
        <translation>télégrammes archivés modifiés</translation>
    </message>
    <message>
        <source>drafts checked</source>
        <translation>brouillons vérifiés</translation>
    </message>
    <message>
        <source>archived cables checked</source>
        <translation>télégrammes archivés vérifiés</translation>
    </message>
    <message>
        <source>kept, could not be recomputed</source>
        <translation>conservés, impossibles à recalculer</translation>
    </message>
    <message>
        <source>could not be recomputed</source>
        <translation>impossibles à recalculer</translation>
    </message>
    <message>
        <source>nationalities</source>
        <translation>nationalités</translation>
    </message>
    <message>
        <source>schemes</source>
        <translation>référentiels</translation>
    </message>
    <message>
        <source>clearance</source>
        <translation>habilitation</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>référentiel</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>nationalité</translation>
    </message>
    <message>
        <source>special accesses</source>
        <translation>accès spéciaux</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>rôles</translation>
    </message>
    <message>
        <source>replaced an earlier attestation</source>
        <translation>a remplacé une attestation antérieure</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motif</translation>
    </message>
    <message>
        <source>attestation withdrawn</source>
        <translation>attestation retirée</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>numéro</translation>
    </message>
    <message>
        <source>attested</source>
        <translation>attestés</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoqués</translation>
    </message>
    <message>
        <source>text (clearance hash)</source>
        <translation>texte (empreinte de visa)</translation>
    </message>
    <message>
        <source>clearers</source>
        <translation>viseurs</translation>
    </message>
    <message>
        <source>approvers</source>
        <translation>approbateurs</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rôle</translation>
    </message>
    <message>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>{0}: {1} {2}</source>
        <translation>{0}&#xa0;: {1} {2}</translation>
    </message>
    <message>
        <source>not {0}</source>
        <translation>non {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}&#xa0;: {1}</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Result of the audit log check</source>
        <translation>Résultat de la vérification du journal d’audit</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Check the audit log again</source>
        <translation>Vérifier à nouveau le journal d’audit</translation>
    </message>
    <message>
        <source>Every change to your vault is recorded here. Each entry is chained to the one before by a hash, so an entry changed or removed afterwards shows as a break.</source>
        <translation>Chaque modification de votre coffre est consignée ici. Chaque entrée est chaînée à la précédente par une empreinte cryptographique&#xa0;: une entrée modifiée ou supprimée après coup apparaît comme une rupture.</translation>
    </message>
    <message>
        <source>Audit log entries, newest first</source>
        <translation>Entrées du journal d’audit, les plus récentes en premier</translation>
    </message>
    <message>
        <source>Entries shown</source>
        <translation>Entrées affichées</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Afficher plus</translation>
    </message>
    <message>
        <source>Load older entries</source>
        <translation>Afficher des entrées plus anciennes</translation>
    </message>
    <message>
        <source>{0} most recent entries shown</source>
        <translation>Les {0} entrées les plus récentes sont affichées</translation>
    </message>
    <message>
        <source>All {0} entries shown</source>
        <translation>Les {0} entrées sont toutes affichées</translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation>Vérification du journal d’audit…</translation>
    </message>
    <message>
        <source>The audit log is intact ({0} entries).</source>
        <translation>Le journal d’audit est intact ({0} entrées).</translation>
    </message>
    <message>
        <source>Broken at entry {0}: {1}. Entries from there on cannot be relied on; the log was altered outside CableDesk.</source>
        <translation>Rupture à l’entrée {0}&#xa0;: {1}. Les entrées à partir de celle-ci ne sont pas fiables&#xa0;; le journal a été modifié en dehors de CableDesk.</translation>
    </message>
    <message>
        <source>The audit log could not be checked: {0}</source>
        <translation>Le journal d’audit n’a pas pu être vérifié&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>AuthorityMenu</name>
    <message>
        <source>&amp;Authority</source>
        <translation>Au&amp;torité</translation>
    </message>
    <message>
        <source>Attest a Card…</source>
        <translation>Attester une carte…</translation>
    </message>
    <message>
        <source>Revoke a Key…</source>
        <translation>Révoquer une clé…</translation>
    </message>
    <message>
        <source>Publish Directory…</source>
        <translation>Publier l’annuaire…</translation>
    </message>
    <message>
        <source>Export Anchor…</source>
        <translation>Exporter l’ancre…</translation>
    </message>
    <message>
        <source>Attest a card</source>
        <translation>Attester une carte</translation>
    </message>
    <message>
        <source>Contact cards (*.contact);;All files (*)</source>
        <translation>Cartes de contact (*.contact);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>{0} ({1}) attested: {2} {3}, {4}. It is published with the next directory.</source>
        <translation>{0} ({1}) attesté : {2} {3}, {4}. Publié avec le prochain annuaire.</translation>
    </message>
    <message>
        <source>{0} ({1}) attested again: {2} {3}, {4}; the earlier attestation is replaced. It is published with the next directory.</source>
        <translation>{0} ({1}) attesté à nouveau : {2} {3}, {4} ; l’attestation antérieure est remplacée. Publié avec le prochain annuaire.</translation>
    </message>
    <message>
        <source>{0} revoked ({1}). It is published with the next directory.</source>
        <translation>{0} révoquée ({1}). Publié avec le prochain annuaire.</translation>
    </message>
    <message>
        <source>Publish the directory</source>
        <translation>Publier l’annuaire</translation>
    </message>
    <message>
        <source>Directories (*.cdir)</source>
        <translation>Annuaires (*.cdir)</translation>
    </message>
    <message>
        <source>Directory published</source>
        <translation>Annuaire publié</translation>
    </message>
    <message>
        <source>Directory serial {0} written to {1}: {2} attested, {3} revoked. Next update by {4} UTC.</source>
        <translation>Annuaire numéro {0} écrit dans {1} : {2} attestés, {3} révoqués. Prochaine mise à jour au plus tard le {4} UTC.</translation>
    </message>
    <message>
        <source>Export the anchor</source>
        <translation>Exporter l’ancre</translation>
    </message>
    <message>
        <source>Anchors (*.anchor)</source>
        <translation>Ancres (*.anchor)</translation>
    </message>
    <message>
        <source>Anchor exported</source>
        <translation>Ancre exportée</translation>
    </message>
    <message>
        <source>The anchor was written to {0}.

Fingerprint: {1}
Safety number: {2}

Users compare this safety number with you before they trust the anchor.</source>
        <translation>L’ancre a été écrite dans {0}.

Empreinte : {1}
Numéro de sécurité : {2}

Les utilisateurs comparent ce numéro de sécurité avec vous avant de faire confiance à l’ancre.</translation>
    </message>
</context>
<context>
    <name>BannerBar</name>
    <message>
        <source>Classification banner</source>
        <translation>Bannière de classification</translation>
    </message>
    <message>
        <source>Classification not yet determined</source>
        <translation>Classification pas encore déterminée</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <source>Cable text</source>
        <translation>Texte du télégramme</translation>
    </message>
    <message>
        <source>Portion &amp;Mark…</source>
        <translation>&amp;Marque de portion…</translation>
    </message>
    <message>
        <source>Other mark…</source>
        <translation>Autre marque…</translation>
    </message>
    <message>
        <source>Portion mark</source>
        <translation>Marque de paragraphe</translation>
    </message>
    <message>
        <source>Portion mark of paragraph {0}, e.g. (S//NF) or (C//REL TO USA, GBR):</source>
        <translation>Marque du paragraphe {0}, p. ex. (S//NF) ou (C//REL TO USA, GBR)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>BugReportDialog</name>
    <message>
        <source>This is a bug in CableDesk</source>
        <translation>C’est un défaut de CableDesk</translation>
    </message>
    <message>
        <source>CableDesk met a problem it did not expect.</source>
        <translation>CableDesk a rencontré un problème imprévu.</translation>
    </message>
    <message>
        <source>This is a bug in CableDesk, not something you did. Your vault is not affected, but what you were doing may not have finished: check it, and try again.

Please copy the report below and send it to your IT department. It holds no cable text, no names and no keys: only the versions, the kind of problem and where in CableDesk&apos;s code it arose.</source>
        <translation>C’est un défaut de CableDesk, et non une erreur de votre part. Votre coffre n’est pas touché, mais ce que vous faisiez n’a peut-être pas abouti&#xa0;: vérifiez-le, puis réessayez.

Copiez le rapport ci-dessous et envoyez-le à votre support informatique. Il ne contient ni texte de télégramme, ni nom, ni clé&#xa0;: seulement les versions, la nature du problème et l’endroit du code de CableDesk où il est survenu.</translation>
    </message>
    <message>
        <source>Bug report</source>
        <translation>Rapport de défaut</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>CableEditor</name>
    <message>
        <source>Saved at {0}</source>
        <translation>Enregistré à {0}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Modification en cours…</translation>
    </message>
    <message>
        <source>a portion mark cannot be read</source>
        <translation>une marque de paragraphe est illisible</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved (version {0})</source>
        <translation>Enregistré (version {0})</translation>
    </message>
    <message>
        <source>Lowering the classification</source>
        <translation>Abaissement de la classification</translation>
    </message>
    <message>
        <source>Why? (recorded in the audit log)</source>
        <translation>Pour quel motif&#xa0;? (consigné dans le journal d’audit)</translation>
    </message>
    <message>
        <source>Not saved: lowering the classification needs a reason</source>
        <translation>Non enregistré&#xa0;: l’abaissement de la classification doit être motivé</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>the vault locked</source>
        <translation>le coffre s’est verrouillé</translation>
    </message>
    <message>
        <source>they lower the classification, and a reason must be given for that</source>
        <translation>elles abaissent la classification, ce qui doit être motivé</translation>
    </message>
    <message>
        <source>CableDesk met a bug (see the bug report)</source>
        <translation>CableDesk a rencontré un défaut (voir le rapport de défaut)</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Your last changes (since {0}) could not be saved: {1}.</source>
        <translation>Vos dernières modifications (depuis {0}) n’ont pas pu être enregistrées&#xa0;: {1}.</translation>
    </message>
    <message>
        <source>Your last changes could not be saved: {0}.</source>
        <translation>Vos dernières modifications n’ont pas pu être enregistrées&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>The version of {0} is kept.</source>
        <translation>La version de {0} est conservée.</translation>
    </message>
    <message>
        <source>The version saved before is kept.</source>
        <translation>La version enregistrée auparavant est conservée.</translation>
    </message>
</context>
<context>
    <name>CableListModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
</context>
<context>
    <name>CableListView</name>
    <message>
        <source>Cables</source>
        <translation>Télégrammes</translation>
    </message>
</context>
<context>
    <name>CableView</name>
    <message>
        <source>Cable text</source>
        <translation>Texte du télégramme</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Import sender&apos;s card</source>
        <translation>Importer la carte de l’expéditeur</translation>
    </message>
    <message>
        <source>Import the sender&apos;s contact card</source>
        <translation>Importer la carte de contact de l’expéditeur</translation>
    </message>
    <message>
        <source>Sealed by you for: {0}</source>
        <translation>Scellé par vous pour&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>CardImportDialog</name>
    <message>
        <source>Contact card</source>
        <translation>Carte de contact</translation>
    </message>
    <message>
        <source>Mark verified…</source>
        <translation>Marquer comme vérifié…</translation>
    </message>
    <message>
        <source>Mark the contact verified</source>
        <translation>Marquer le contact comme vérifié</translation>
    </message>
    <message>
        <source>Importing the contact card…</source>
        <translation>Importation de la carte de contact…</translation>
    </message>
    <message>
        <source>This contact card was not imported</source>
        <translation>Cette carte de contact n’a pas été importée</translation>
    </message>
    <message>
        <source>{0} was added to your contacts</source>
        <translation>{0} a été ajouté à vos contacts</translation>
    </message>
    <message>
        <source>{0}&apos;s card was updated</source>
        <translation>La carte de {0} a été mise à jour</translation>
    </message>
    <message>
        <source>{0} is already in your contacts, unchanged</source>
        <translation>{0} figure déjà dans vos contacts, sans changement</translation>
    </message>
    <message>
        <source>You verified this contact before.</source>
        <translation>Vous avez déjà vérifié ce contact.</translation>
    </message>
    <message>
        <source>These keys are revoked: nothing is encrypted to them any more.</source>
        <translation>Ces clés sont révoquées&#xa0;: plus rien n’est chiffré pour elles.</translation>
    </message>
    <message>
        <source>Not verified yet. Read the safety number below with {0} over another channel — in person, or aloud on the phone — then mark the contact verified.</source>
        <translation>Pas encore vérifié. Lisez le numéro de sécurité ci-dessous avec {0} par un autre canal — en personne, ou à voix haute au téléphone —, puis marquez le contact comme vérifié.</translation>
    </message>
    <message>
        <source>Keys changed since you verified {0}: whoever holds these keys may not be the person you verified. Compare the safety number below with them over another channel before you trust it.</source>
        <translation>Les clés ont changé depuis que vous avez vérifié {0} : la personne qui détient ces clés n’est peut-être pas celle que vous avez vérifiée. Comparez avec elle le numéro de sécurité ci-dessous par un autre canal avant de vous y fier.</translation>
    </message>
    <message>
        <source>{0} has a new key: the contact continues</source>
        <translation>{0} a une nouvelle clé&#xa0;: le contact se poursuit</translation>
    </message>
    <message>
        <source>{0} replaced their key, and their previous key signed the new card: the contact you verified continues, still verified.</source>
        <translation>{0} a remplacé sa clé, et sa clé précédente a signé la nouvelle fiche&#xa0;: le contact que vous aviez vérifié se poursuit, toujours vérifié.</translation>
    </message>
    <message>
        <source>{0} replaced their key, and their previous key signed the new card: the contact continues, still unverified. Read the safety number below with {0} over another channel, then mark the contact verified.</source>
        <translation>{0} a remplacé sa clé, et sa clé précédente a signé la nouvelle fiche&#xa0;: le contact se poursuit, toujours non vérifié. Lisez le numéro de sécurité ci-dessous avec {0} par un autre canal, puis marquez le contact comme vérifié.</translation>
    </message>
    <message>
        <source>The card changes what it says about {0}: until you verify again, the release policy keeps using what you verified.</source>
        <translation>La fiche modifie ce qu’elle dit de {0} : tant que vous n’avez pas vérifié à nouveau, la politique de diffusion continue d’utiliser ce que vous avez vérifié.</translation>
    </message>
    <message>
        <source>yes: signed by its own key</source>
        <translation>oui&#xa0;: signée par sa propre clé</translation>
    </message>
    <message>
        <source>no: made from public keys</source>
        <translation>non&#xa0;: établie à partir de clés publiques</translation>
    </message>
    <message>
        <source>Post:</source>
        <translation>Poste&#xa0;:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Empreinte&#xa0;:</translation>
    </message>
    <message>
        <source>Safety number:</source>
        <translation>Numéro de sécurité&#xa0;:</translation>
    </message>
    <message>
        <source>Self-certified:</source>
        <translation>Autocertifiée&#xa0;:</translation>
    </message>
    <message>
        <source>Trust:</source>
        <translation>Confiance&#xa0;:</translation>
    </message>
    <message>
        <source>Previous key:</source>
        <translation>Clé précédente&#xa0;:</translation>
    </message>
    <message>
        <source>Changed {0}:</source>
        <translation>{0} modifié :</translation>
    </message>
    <message>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the vault passphrase</source>
        <translation>Changer la phrase de passe du coffre</translation>
    </message>
    <message>
        <source>The new passphrase protects everything in the vault from now on. Several unrelated words are easy to remember and hard to guess.</source>
        <translation>La nouvelle phrase de passe protège désormais tout le contenu du coffre. Plusieurs mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Phrase de passe actuelle&#xa0;:</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Phrase de passe actuelle</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nouvelle phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase de passe</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Confirmation&#xa0;:</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Confirmation de la nouvelle phrase de passe</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustesse&#xa0;:</translation>
    </message>
    <message>
        <source>Changing the passphrase</source>
        <translation>Changement de la phrase de passe</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Changer la phrase de passe</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>Les deux nouvelles phrases de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation>La nouvelle phrase de passe est identique à l’actuelle.</translation>
    </message>
    <message>
        <source>The current passphrase is not right.</source>
        <translation>La phrase de passe actuelle est incorrecte.</translation>
    </message>
</context>
<context>
    <name>Clearance</name>
    <message>
        <source>C&amp;lear…</source>
        <translation>&amp;Viser…</translation>
    </message>
    <message>
        <source>&amp;Return with changes…</source>
        <translation>&amp;Renvoyer avec des modifications…</translation>
    </message>
    <message>
        <source>&amp;Decline…</source>
        <translation>Re&amp;fuser…</translation>
    </message>
    <message>
        <source>A&amp;pprove…</source>
        <translation>A&amp;pprouver…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>A comment for the drafter (why, for a decline):</source>
        <translation>Un commentaire pour le rédacteur (pourquoi, pour un refus) :</translation>
    </message>
    <message>
        <source>Save the answer as</source>
        <translation>Enregistrer la réponse sous</translation>
    </message>
    <message>
        <source>Answer sealed</source>
        <translation>Réponse scellée</translation>
    </message>
    <message>
        <source>Your answer is sealed for the drafter: {0}</source>
        <translation>Votre réponse est scellée pour le rédacteur : {0}</translation>
    </message>
    <message>
        <source>This is the first version of this cable you receive: there is no earlier version to compare it with.</source>
        <translation>C&apos;est la première version de ce télégramme que vous recevez : il n&apos;y a pas de version antérieure à laquelle la comparer.</translation>
    </message>
    <message>
        <source>The text is the same as the version you received on {0}.</source>
        <translation>Le texte est celui de la version reçue le {0}.</translation>
    </message>
    <message>
        <source>What changed since the version you last received, on {0} (- removed, + added):</source>
        <translation>Ce qui a changé depuis la dernière version reçue, le {0} (- retiré, + ajouté) :</translation>
    </message>
    <message>
        <source>What changed since you last saw it</source>
        <translation>Ce qui a changé depuis votre dernière lecture</translation>
    </message>
</context>
<context>
    <name>ClearanceDialog</name>
    <message>
        <source>Clearances</source>
        <translation>Visas</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Clearers</source>
        <translation>Viseurs</translation>
    </message>
    <message>
        <source>Approvers</source>
        <translation>Approbateurs</translation>
    </message>
    <message>
        <source>A word for the clearers (optional)</source>
        <translation>Un mot pour les viseurs (facultatif)</translation>
    </message>
    <message>
        <source>Send for clearance</source>
        <translation>Envoyer pour visa</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>In clearance.</source>
        <translation>En cours de visa.</translation>
    </message>
    <message>
        <source>Not sent for clearance.</source>
        <translation>Pas envoyé pour visa.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Approuvé.</translation>
    </message>
    <message>
        <source>Not approved.</source>
        <translation>Non approuvé.</translation>
    </message>
    <message>
        <source>Missing to seal: {0}.</source>
        <translation>Manque pour sceller : {0}.</translation>
    </message>
    <message>
        <source>Clearer</source>
        <translation>Viseur</translation>
    </message>
    <message>
        <source>&amp;Send for clearance…</source>
        <translation>&amp;Envoyer pour visa…</translation>
    </message>
    <message>
        <source>C&amp;learers (contacts and groups):</source>
        <translation>&amp;Viseurs (contacts et groupes) :</translation>
    </message>
    <message>
        <source>A&amp;pprovers:</source>
        <translation>A&amp;pprobateurs :</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>Co&amp;mmentaire :</translation>
    </message>
    <message>
        <source>&amp;Record an answer…</source>
        <translation>En&amp;registrer une réponse…</translation>
    </message>
    <message>
        <source>&amp;Accept the changes</source>
        <translation>&amp;Accepter les modifications</translation>
    </message>
    <message>
        <source>&amp;Keep my text</source>
        <translation>&amp;Garder mon texte</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Approbateur</translation>
    </message>
    <message>
        <source>an approval of the current text by an approver you designated</source>
        <translation>une approbation du texte actuel par un approbateur que vous avez désigné</translation>
    </message>
    <message>
        <source>{0} more approval(s) of the current text, by two different approvers other than the drafter</source>
        <translation>{0} approbation(s) de plus du texte actuel, par deux approbateurs différents autres que le rédacteur</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>Pas encore de réponse</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Visé</translation>
    </message>
    <message>
        <source>Returned changes (now the text)</source>
        <translation>Modifications renvoyées (devenues le texte)</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <source>Cleared an earlier version</source>
        <translation>A visé une version antérieure</translation>
    </message>
    <message>
        <source>Approved an earlier version</source>
        <translation>A approuvé une version antérieure</translation>
    </message>
    <message>
        <source>Declined an earlier version</source>
        <translation>A refusé une version antérieure</translation>
    </message>
    <message>
        <source>Returned changes (not the current text)</source>
        <translation>A renvoyé des modifications (pas le texte actuel)</translation>
    </message>
    <message>
        <source>Choose at least one clearer or an approver.</source>
        <translation>Choisissez au moins un viseur ou un approbateur.</translation>
    </message>
    <message>
        <source>Not sent: the keys of {0} are not verified. Compare their safety number with them (Contacts), mark them verified, then send again.</source>
        <translation>Non envoyé : les clés de {0} ne sont pas vérifiées. Comparez leur numéro de sécurité avec eux (Contacts), marquez-les vérifiés, puis envoyez à nouveau.</translation>
    </message>
    <message>
        <source>Save the clearance request as</source>
        <translation>Enregistrer la demande de visa sous</translation>
    </message>
    <message>
        <source>Sent for clearance: {0}</source>
        <translation>Envoyé pour visa : {0}</translation>
    </message>
    <message>
        <source>Choose the files of the attachments: {0}</source>
        <translation>Choisissez les fichiers des pièces jointes : {0}</translation>
    </message>
    <message>
        <source>Not sent: the draft lists {0}, and no file of that name was chosen.</source>
        <translation>Non envoyé : le brouillon mentionne {0}, et aucun fichier de ce nom n’a été choisi.</translation>
    </message>
    <message>
        <source>Record an answer</source>
        <translation>Enregistrer une réponse</translation>
    </message>
    <message>
        <source>Sealed cables (*.cable)</source>
        <translation>Télégrammes scellés (*.cable)</translation>
    </message>
    <message>
        <source>Your text is kept. Their version stays recorded as their answer.</source>
        <translation>Votre texte est conservé. Leur version reste enregistrée comme leur réponse.</translation>
    </message>
    <message>
        <source>the current text</source>
        <translation>le texte actuel</translation>
    </message>
    <message>
        <source>an earlier version</source>
        <translation>une version antérieure</translation>
    </message>
    <message>
        <source>Recorded: {0} — {1} ({2}).</source>
        <translation>Enregistré : {0} — {1} ({2}).</translation>
    </message>
    <message>
        <source>Accepted: the draft&apos;s text is now their version.</source>
        <translation>Accepté : le texte du brouillon est désormais leur version.</translation>
    </message>
</context>
<context>
    <name>ContactDetails</name>
    <message>
        <source>Contact details</source>
        <translation>Détails du contact</translation>
    </message>
    <message>
        <source>Select a contact to see its fingerprint and safety number.</source>
        <translation>Sélectionnez un contact pour voir son empreinte et son numéro de sécurité.</translation>
    </message>
    <message>
        <source>Trust:</source>
        <translation>Confiance&#xa0;:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Empreinte&#xa0;:</translation>
    </message>
    <message>
        <source>Safety number:</source>
        <translation>Numéro de sécurité&#xa0;:</translation>
    </message>
    <message>
        <source>Post:</source>
        <translation>Poste&#xa0;:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Fonction&#xa0;:</translation>
    </message>
    <message>
        <source>Nationality:</source>
        <translation>Nationalité&#xa0;:</translation>
    </message>
    <message>
        <source>Clearance:</source>
        <translation>Habilitation&#xa0;:</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>Référentiel&#xa0;:</translation>
    </message>
    <message>
        <source>Card expires:</source>
        <translation>Expiration de la carte&#xa0;:</translation>
    </message>
    <message>
        <source>Self-certified:</source>
        <translation>Autocertifiée&#xa0;:</translation>
    </message>
    <message>
        <source>Encryption key:</source>
        <translation>Clé de chiffrement&#xa0;:</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Groupes&#xa0;:</translation>
    </message>
    <message>
        <source>none stated</source>
        <translation>non précisée</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>{0} — expired</source>
        <translation>{0} — expirée</translation>
    </message>
    <message>
        <source>Yes: the card is signed by its own key</source>
        <translation>Oui&#xa0;: la carte est signée par sa propre clé</translation>
    </message>
    <message>
        <source>No: made from public keys; compare the fingerprint with its owner</source>
        <translation>Non&#xa0;: établie à partir de clés publiques&#xa0;; comparez l’empreinte avec son titulaire</translation>
    </message>
    <message>
        <source>{0} — attested by {1} on {2}</source>
        <translation>{0} — attesté par {1} le {2}</translation>
    </message>
    <message>
        <source>{0} — self-declared</source>
        <translation>{0} — déclaré par l’intéressé</translation>
    </message>
    <message>
        <source>Not verified yet: read the safety number with {0} over another channel (in person or on the phone), then mark the contact verified.</source>
        <translation>Pas encore vérifié&#xa0;: lisez le numéro de sécurité avec {0} par un autre canal (en personne ou au téléphone), puis marquez le contact comme vérifié.</translation>
    </message>
    <message>
        <source>Revoked: nothing is encrypted to these keys any more, and what they sign is not trusted.</source>
        <translation>Révoqué&#xa0;: plus rien n’est chiffré pour ces clés, et ce qu’elles signent n’est plus digne de confiance.</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>{0} — another contact bears the same name: compare the fingerprints</source>
        <translation>{0} — un autre contact porte le même nom : comparez les empreintes</translation>
    </message>
    <message>
        <source>{0} — card expired</source>
        <translation>{0} — carte expirée</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Import card…</source>
        <translation>Importer une carte…</translation>
    </message>
    <message>
        <source>Import contact cards</source>
        <translation>Importer des cartes de contact</translation>
    </message>
    <message>
        <source>Add from public keys…</source>
        <translation>Ajouter par clés publiques…</translation>
    </message>
    <message>
        <source>Add a contact from public keys</source>
        <translation>Ajouter un contact à partir de clés publiques</translation>
    </message>
    <message>
        <source>Export card…</source>
        <translation>Exporter la carte…</translation>
    </message>
    <message>
        <source>Export the contact card</source>
        <translation>Exporter la carte de contact</translation>
    </message>
    <message>
        <source>Mark verified…</source>
        <translation>Vérifier…</translation>
    </message>
    <message>
        <source>Mark the contact verified</source>
        <translation>Marquer le contact comme vérifié</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Révoquer…</translation>
    </message>
    <message>
        <source>Revoke the contact&apos;s keys</source>
        <translation>Révoquer les clés du contact</translation>
    </message>
    <message>
        <source>Encrypt file to selected…</source>
        <translation>Chiffrer pour la sélection…</translation>
    </message>
    <message>
        <source>Encrypt a file to the selected contacts</source>
        <translation>Chiffrer un fichier pour les contacts sélectionnés</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Détails du contact</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Contact cards (*.contact);;All files (*)</source>
        <translation>Cartes de contact (*.contact);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>{0} was added to your contacts (unverified).</source>
        <translation>{0} a été ajouté à vos contacts (non vérifié).</translation>
    </message>
    <message>
        <source>{0}&apos;s card was updated; the trust is kept.</source>
        <translation>La carte de {0} a été mise à jour&#xa0;; la confiance est conservée.</translation>
    </message>
    <message>
        <source>{0} was already in your contacts, unchanged.</source>
        <translation>{0} figurait déjà dans vos contacts, sans changement.</translation>
    </message>
    <message>
        <source>{0} has a new key, signed by their previous key: the contact continues, its trust kept.</source>
        <translation>{0} a une nouvelle clé, signée par sa clé précédente&#xa0;: le contact se poursuit, avec la même confiance.</translation>
    </message>
    <message>
        <source>Card saved to {0}.</source>
        <translation>Carte enregistrée dans {0}.</translation>
    </message>
    <message>
        <source>{0} was added (unverified). Compare the fingerprint with them.</source>
        <translation>{0} a été ajouté (non vérifié). Comparez l’empreinte avec cette personne.</translation>
    </message>
    <message>
        <source>{0}&apos;s keys are revoked.</source>
        <translation>Les clés de {0} sont révoquées.</translation>
    </message>
    <message>
        <source>{0} is marked verified.</source>
        <translation>{0} est marqué comme vérifié.</translation>
    </message>
</context>
<context>
    <name>DirectoryDialog</name>
    <message>
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <source>Trusted security offices</source>
        <translation>Bureaux de sécurité approuvés</translation>
    </message>
    <message>
        <source>Trust an anchor…</source>
        <translation>Approuver une ancre…</translation>
    </message>
    <message>
        <source>Import a directory…</source>
        <translation>Importer un annuaire…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Stop trusting the selected anchor</source>
        <translation>Ne plus approuver l’ancre choisie</translation>
    </message>
    <message>
        <source>Drop a .cdir directory here to import it.</source>
        <translation>Déposez ici un annuaire .cdir pour l’importer.</translation>
    </message>
    <message>
        <source>no directory imported yet</source>
        <translation>aucun annuaire importé</translation>
    </message>
    <message>
        <source>serial {0}, issued {1}, next update {2}; {3} attested, {4} revoked</source>
        <translation>numéro {0}, émis le {1}, prochaine mise à jour le {2} ; {3} attestés, {4} révoqués</translation>
    </message>
    <message>
        <source>{0} revoked your own key on {1} ({2}): sealing and signing are refused. Get a new key attested: make one with &apos;cabledesk-cli identity rotate&apos; and give the new card to {0}.</source>
        <translation>{0} a révoqué votre propre clé le {1} ({2})&#xa0;: sceller et signer sont refusés. Faites attester une nouvelle clé&#xa0;: créez-la avec « cabledesk-cli identity rotate » et remettez la nouvelle fiche à {0}.</translation>
    </message>
    <message>
        <source>The directory of {0} is past its next update ({1}): ask the security office for its latest directory.</source>
        <translation>L’annuaire de {0} a dépassé sa date de mise à jour ({1}) : demandez au bureau de sécurité son dernier annuaire.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Scope: nationalities {0}; schemes {1}</source>
        <translation>Périmètre : nationalités {0} ; systèmes {1}</translation>
    </message>
    <message>
        <source>Trust an anchor</source>
        <translation>Approuver une ancre</translation>
    </message>
    <message>
        <source>Anchors (*.anchor)</source>
        <translation>Ancres (*.anchor)</translation>
    </message>
    <message>
        <source>Trusted {0}.</source>
        <translation>{0} est approuvé.</translation>
    </message>
    <message>
        <source>No longer trusted: {0}.</source>
        <translation>N’est plus approuvé : {0}.</translation>
    </message>
    <message>
        <source>Now self-declared: {0}.</source>
        <translation>Désormais déclarés par les intéressés : {0}.</translation>
    </message>
    <message>
        <source>Import a directory</source>
        <translation>Importer un annuaire</translation>
    </message>
    <message>
        <source>Directories (*.cdir)</source>
        <translation>Annuaires (*.cdir)</translation>
    </message>
    <message>
        <source>Already imported: the directory of {0}, serial {1}.</source>
        <translation>Déjà importé : l’annuaire de {0}, numéro {1}.</translation>
    </message>
    <message>
        <source>Imported the directory of {0}, serial {1}: {2} attested, {3} new contacts, {4} revoked keys.</source>
        <translation>Annuaire de {0} importé, numéro {1} : {2} attestés, {3} nouveaux contacts, {4} clés révoquées.</translation>
    </message>
    <message>
        <source>{0}: {1} {2} → {3} (attested by {4}; no re-verification needed)</source>
        <translation>{0} : {1} {2} → {3} (attesté par {4} ; aucune nouvelle vérification nécessaire)</translation>
    </message>
    <message>
        <source>{0}: the new key {1} continues {2} (key rotation attested by {3})</source>
        <translation>{0} : la nouvelle clé {1} succède à {2} (changement de clé attesté par {3})</translation>
    </message>
    <message>
        <source>{0}, whom you verified yourself, is revoked by {1}.</source>
        <translation>{0}, que vous aviez vérifié vous-même, est révoqué par {1}.</translation>
    </message>
    <message>
        <source>{0} REVOKES YOUR OWN KEY ({1}): sealing and signing are refused until a new key of yours is attested.</source>
        <translation>{0} RÉVOQUE VOTRE PROPRE CLÉ ({1})&#xa0;: sceller et signer sont refusés jusqu’à ce qu’une nouvelle clé à vous soit attestée.</translation>
    </message>
    <message>
        <source>{0} revokes a previous key of yours ({1}).</source>
        <translation>{0} révoque une de vos clés précédentes ({1}).</translation>
    </message>
</context>
<context>
    <name>DocumentVerdictDialog</name>
    <message>
        <source>Signature check — {0}</source>
        <translation>Vérification de signature — {0}</translation>
    </message>
    <message>
        <source>Import the signer&apos;s card…</source>
        <translation>Importer la carte du signataire…</translation>
    </message>
    <message>
        <source>Import the signer&apos;s contact card</source>
        <translation>Importer la carte de contact du signataire</translation>
    </message>
    <message>
        <source>Checking the signature…</source>
        <translation>Vérification de la signature…</translation>
    </message>
    <message>
        <source>The document could not be checked</source>
        <translation>Le document n’a pas pu être vérifié</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the cable</source>
        <translation>Exporter le télégramme</translation>
    </message>
    <message>
        <source>The document will be marked:</source>
        <translation>Le document portera la mention&#xa0;:</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Document Word (.docx)</translation>
    </message>
    <message>
        <source>PDF (through LibreOffice)</source>
        <translation>PDF (via LibreOffice)</translation>
    </message>
    <message>
        <source>As marked (no sanitizing)</source>
        <translation>Tel que marqué (sans expurgation)</translation>
    </message>
    <message>
        <source>Sanitized at {0}</source>
        <translation>Expurgé au niveau {0}</translation>
    </message>
    <message>
        <source>optional: countries, e.g. GBR, FRA</source>
        <translation>facultatif&#xa0;: pays, p. ex. GBR, FRA</translation>
    </message>
    <message>
        <source>Sign it (a .sig file anyone can check with ssh-keygen)</source>
        <translation>Le signer (fichier .sig vérifiable par tous avec ssh-keygen)</translation>
    </message>
    <message>
        <source>Also write a .zip with the signature and my contact card</source>
        <translation>Écrire aussi un .zip avec la signature et ma carte de contact</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>Lettre US (8,5 × 11 po)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Release to countries</source>
        <translation>Communicable aux pays</translation>
    </message>
    <message>
        <source>Sign the document</source>
        <translation>Signer le document</translation>
    </message>
    <message>
        <source>Write a bundle</source>
        <translation>Écrire un paquet</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Fichier de sortie</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Niveau&#xa0;:</translation>
    </message>
    <message>
        <source>Release to:</source>
        <translation>Communicable à&#xa0;:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papier&#xa0;:</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>Enregistrer sous&#xa0;:</translation>
    </message>
    <message>
        <source>The document will be marked {0}, as the cable is.</source>
        <translation>Le document portera la mention {0}, comme le télégramme.</translation>
    </message>
    <message>
        <source>The document will be a sanitized version, marked {0}.</source>
        <translation>Le document sera une version expurgée, portant la mention {0}.</translation>
    </message>
    <message>
        <source>A document marked {0} cannot be written unencrypted: documents leave CableDesk&apos;s protection, and your export ceiling is {1}.</source>
        <translation>Un document portant la mention {0} ne peut pas être écrit non chiffré&#xa0;: les documents sortent de la protection de CableDesk, et votre plafond d’exportation est {1}.</translation>
    </message>
    <message>
        <source>Choose a sanitized version at {0} or below under Level, or seal the cable for its recipients instead.</source>
        <translation>Choisissez sous Niveau une version expurgée à {0} ou en dessous, ou scellez plutôt le télégramme pour ses destinataires.</translation>
    </message>
    <message>
        <source>Seal the cable for its recipients instead.</source>
        <translation>Scellez plutôt le télégramme pour ses destinataires.</translation>
    </message>
    <message>
        <source>Your security officer sets the ceiling.</source>
        <translation>Votre officier de sécurité fixe ce plafond.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exporté</translation>
    </message>
    <message>
        <source>Wrote:
{0}</source>
        <translation>Fichiers écrits&#xa0;:
{0}</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Classification scheme</source>
        <translation>Référentiel de classification</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Precedence</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Date-time group</source>
        <translation>Groupe date-heure</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro d’ordre</translation>
    </message>
    <message>
        <source>From (originating post)</source>
        <translation>De (poste d’origine)</translation>
    </message>
    <message>
        <source>Action addressees</source>
        <translation>Destinataires pour action</translation>
    </message>
    <message>
        <source>Information addressees</source>
        <translation>Destinataires pour information</translation>
    </message>
    <message>
        <source>Captions</source>
        <translation>Mentions de diffusion</translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation>TAGS</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Références</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Classification authority</source>
        <translation>Autorité de classification</translation>
    </message>
    <message>
        <source>Classified by</source>
        <translation>Classifié par</translation>
    </message>
    <message>
        <source>Classification reasons</source>
        <translation>Motifs de classification</translation>
    </message>
    <message>
        <source>Derived from</source>
        <translation>Dérivé de</translation>
    </message>
    <message>
        <source>Declassify on</source>
        <translation>Déclassifier le</translation>
    </message>
    <message>
        <source>Classification sources</source>
        <translation>Sources de classification</translation>
    </message>
    <message>
        <source>Downgrading instructions</source>
        <translation>Instructions de déclassement</translation>
    </message>
    <message>
        <source>Declared banner</source>
        <translation>Bandeau déclaré</translation>
    </message>
    <message>
        <source>Text of the cable</source>
        <translation>Texte du télégramme</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Paragraph {0}</source>
        <translation>Paragraphe {0}</translation>
    </message>
    <message>
        <source>Action addressee {0}</source>
        <translation>Destinataire pour action {0}</translation>
    </message>
    <message>
        <source>Information addressee {0}</source>
        <translation>Destinataire pour information {0}</translation>
    </message>
    <message>
        <source>Attachment {0}</source>
        <translation>Pièce jointe {0}</translation>
    </message>
    <message>
        <source>Classification source {0}</source>
        <translation>Source de classification {0}</translation>
    </message>
</context>
<context>
    <name>FileCryptoDialog</name>
    <message>
        <source>Encrypt a file</source>
        <translation>Chiffrer un fichier</translation>
    </message>
    <message>
        <source>Decrypt a file</source>
        <translation>Déchiffrer un fichier</translation>
    </message>
    <message>
        <source>File to encrypt</source>
        <translation>Fichier à chiffrer</translation>
    </message>
    <message>
        <source>Encrypted file</source>
        <translation>Fichier chiffré</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Choisir le fichier</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>Choisir où enregistrer</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Enregistrer sous&#xa0;:</translation>
    </message>
    <message>
        <source>To contacts and groups</source>
        <translation>Pour des contacts et des groupes</translation>
    </message>
    <message>
        <source>With a passphrase</source>
        <translation>Avec une phrase de passe</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Encrypt for me too (so that I can open it later)</source>
        <translation>Chiffrer aussi pour moi (pour pouvoir l’ouvrir plus tard)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Confirmation de la phrase de passe</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Confirmation&#xa0;:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustesse&#xa0;:</translation>
    </message>
    <message>
        <source>ASCII armor (text that survives e-mail and copy-paste)</source>
        <translation>Armure ASCII (texte qui résiste au courriel et au copier-coller)</translation>
    </message>
    <message>
        <source>ASCII armor</source>
        <translation>Armure ASCII</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Encrypt</source>
        <translation>Chiffrer</translation>
    </message>
    <message>
        <source>Decrypt</source>
        <translation>Déchiffrer</translation>
    </message>
    <message>
        <source>Marking of the file:</source>
        <translation>Marquage du fichier :</translation>
    </message>
    <message>
        <source>CableDesk opens the file with your vault&apos;s keys. If it was encrypted with a passphrase instead, you are asked for it.</source>
        <translation>CableDesk ouvre le fichier avec les clés de votre coffre. S’il a été chiffré avec une phrase de passe, celle-ci vous est demandée.</translation>
    </message>
    <message>
        <source>Choose the file to encrypt</source>
        <translation>Choisir le fichier à chiffrer</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the encrypted file</source>
        <translation>Choisir le fichier chiffré</translation>
    </message>
    <message>
        <source>age files (*.age);;All files (*)</source>
        <translation>Fichiers age (*.age);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Decrypted to {0}.</source>
        <translation>Déchiffré dans {0}.</translation>
    </message>
    <message>
        <source>a passphrase</source>
        <translation>qui connaît la phrase de passe</translation>
    </message>
    <message>
        <source>Encrypted to {0}: {1}.</source>
        <translation>Chiffré pour {0}&#xa0;: {1}.</translation>
    </message>
    <message>
        <source>This file is protected by a passphrase. Type it, then Decrypt.</source>
        <translation>Ce fichier est protégé par une phrase de passe. Saisissez-la, puis cliquez sur Déchiffrer.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>Annulé. Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>This passphrase does not open the file.</source>
        <translation>Cette phrase de passe n’ouvre pas le fichier.</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>No findings: the cable follows the rules.</source>
        <translation>Aucun constat&#xa0;: le télégramme respecte les règles.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>{0} — {1}: {2}</source>
        <translation>{0} — {1}&#xa0;: {2}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to CableDesk</source>
        <translation>Bienvenue dans CableDesk</translation>
    </message>
    <message>
        <source>CableDesk keeps your drafts, your correspondents&apos; keys and the cables you send and receive in a vault encrypted on this computer. It never connects to a network.

First choose the vault&apos;s passphrase, then say who you are: CableDesk creates your signing and encryption keys.</source>
        <translation>CableDesk conserve vos brouillons, les clés de vos correspondants et les télégrammes que vous envoyez et recevez dans un coffre chiffré sur cet ordinateur. Il ne se connecte jamais à un réseau.

Choisissez d’abord la phrase de passe du coffre, puis indiquez qui vous êtes&#xa0;: CableDesk crée vos clés de signature et de chiffrement.</translation>
    </message>
    <message>
        <source>Save your contact card</source>
        <translation>Enregistrer votre carte de contact</translation>
    </message>
    <message>
        <source>Contact cards (*.contact)</source>
        <translation>Cartes de contact (*.contact)</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>Carte enregistrée dans {0}.</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Group and members</source>
        <translation>Groupe et membres</translation>
    </message>
    <message>
        <source>Groups and their members</source>
        <translation>Groupes et leurs membres</translation>
    </message>
    <message>
        <source>New group name, e.g. EU posts</source>
        <translation>Nom du nouveau groupe, p. ex. Postes UE</translation>
    </message>
    <message>
        <source>New group name</source>
        <translation>Nom du nouveau groupe</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Créer le groupe</translation>
    </message>
    <message>
        <source>Add selected contacts</source>
        <translation>Ajouter les contacts sélectionnés</translation>
    </message>
    <message>
        <source>Add the selected contacts to the group</source>
        <translation>Ajouter les contacts sélectionnés au groupe</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Retirer du groupe</translation>
    </message>
    <message>
        <source>Remove from the group</source>
        <translation>Retirer du groupe</translation>
    </message>
    <message>
        <source>{0} ({1} members)</source>
        <translation>{0} ({1} membres)</translation>
    </message>
    <message>
        <source>The group {0} was created.</source>
        <translation>Le groupe {0} a été créé.</translation>
    </message>
    <message>
        <source>The group {0} has {1} member(s).</source>
        <translation>Le groupe {0} compte {1} membre(s).</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <source>e.g. 151230Z MAR 24 (empty until release)</source>
        <translation>p. ex. 151230Z MAR 24 (vide avant envoi)</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Set the date-time group to the current time (UTC)</source>
        <translation>Régler le groupe date-heure sur l’heure actuelle (UTC)</translation>
    </message>
    <message>
        <source>addressees, separated by ;</source>
        <translation>destinataires, séparés par&#xa0;;</translation>
    </message>
    <message>
        <source>e.g. SIPDIS</source>
        <translation>p. ex. SIPDIS</translation>
    </message>
    <message>
        <source>e.g. PREL, FR</source>
        <translation>p. ex. PREL, FR</translation>
    </message>
    <message>
        <source>Portion mark of the subject</source>
        <translation>Marque de classification de l’objet</translation>
    </message>
    <message>
        <source>e.g. A. STATE 123456; B. PARIS 000100</source>
        <translation>p. ex. A. STATE 123456; B. PARIS 000100</translation>
    </message>
    <message>
        <source>e.g. 1.4(b),(d)</source>
        <translation>p. ex. 1.4(b),(d)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, an event or 25X1, date</source>
        <translation>AAAA-MM-JJ, un événement ou 25X1, date</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>Référentiel&#xa0;:</translation>
    </message>
    <message>
        <source>Precedence:</source>
        <translation>Priorité&#xa0;:</translation>
    </message>
    <message>
        <source>DTG:</source>
        <translation>GDH&#xa0;:</translation>
    </message>
    <message>
        <source>FM:</source>
        <translation>DE&#xa0;:</translation>
    </message>
    <message>
        <source>TO:</source>
        <translation>À&#xa0;:</translation>
    </message>
    <message>
        <source>INFO:</source>
        <translation>INFO&#xa0;:</translation>
    </message>
    <message>
        <source>Serial:</source>
        <translation>Numéro&#xa0;:</translation>
    </message>
    <message>
        <source>Captions:</source>
        <translation>Mentions&#xa0;:</translation>
    </message>
    <message>
        <source>TAGS:</source>
        <translation>TAGS&#xa0;:</translation>
    </message>
    <message>
        <source>REF:</source>
        <translation>RÉF.&#xa0;:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Signature&#xa0;:</translation>
    </message>
    <message>
        <source>SUBJECT:</source>
        <translation>OBJET&#xa0;:</translation>
    </message>
    <message>
        <source>Classification authority</source>
        <translation>Autorité de classification</translation>
    </message>
    <message>
        <source>Classified by:</source>
        <translation>Classifié par&#xa0;:</translation>
    </message>
    <message>
        <source>Reasons:</source>
        <translation>Motifs&#xa0;:</translation>
    </message>
    <message>
        <source>Derived from:</source>
        <translation>Dérivé de&#xa0;:</translation>
    </message>
    <message>
        <source>Declassify on:</source>
        <translation>Déclassifier le&#xa0;:</translation>
    </message>
    <message>
        <source>Classification scheme</source>
        <translation>Référentiel de classification</translation>
    </message>
    <message>
        <source>Precedence</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Date-time group</source>
        <translation>Groupe date-heure</translation>
    </message>
    <message>
        <source>Set the date-time group to now</source>
        <translation>Régler le groupe date-heure sur maintenant</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro d’ordre</translation>
    </message>
    <message>
        <source>From (originating post)</source>
        <translation>De (poste d’origine)</translation>
    </message>
    <message>
        <source>Action addressees</source>
        <translation>Destinataires pour action</translation>
    </message>
    <message>
        <source>Information addressees</source>
        <translation>Destinataires pour information</translation>
    </message>
    <message>
        <source>Captions</source>
        <translation>Mentions de diffusion</translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation>TAGS</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Références</translation>
    </message>
    <message>
        <source>Classified by</source>
        <translation>Classifié par</translation>
    </message>
    <message>
        <source>Classification reasons</source>
        <translation>Motifs de classification</translation>
    </message>
    <message>
        <source>Derived from</source>
        <translation>Dérivé de</translation>
    </message>
    <message>
        <source>Declassify on</source>
        <translation>Déclassifier le</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Draft history</source>
        <translation>Historique du brouillon</translation>
    </message>
    <message>
        <source>Versions of the draft, newest first</source>
        <translation>Versions du brouillon, la plus récente d’abord</translation>
    </message>
    <message>
        <source>Choose a version to see what changed since.</source>
        <translation>Choisissez une version pour voir ce qui a changé depuis.</translation>
    </message>
    <message>
        <source>Changes from the chosen version to the text now</source>
        <translation>Modifications entre la version choisie et le texte actuel</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Restaurer cette version</translation>
    </message>
    <message>
        <source>This draft has no earlier version yet.</source>
        <translation>Ce brouillon n’a pas encore de version antérieure.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Comparaison…</translation>
    </message>
    <message>
        <source>Version {0} reads exactly as the text in the editor.</source>
        <translation>La version {0} est identique au texte de l’éditeur.</translation>
    </message>
    <message>
        <source>From version {0} to the text in the editor: lines marked - are only in version {0} ({1}), lines marked + were added since ({2}).</source>
        <translation>De la version {0} au texte de l’éditeur&#xa0;: les lignes marquées - ne figurent que dans la version {0} ({1}), les lignes marquées + ont été ajoutées depuis ({2}).</translation>
    </message>
    <message>
        <source>Lowering the classification</source>
        <translation>Abaissement de la classification</translation>
    </message>
    <message>
        <source>Why? (recorded in the audit log)</source>
        <translation>Pour quel motif&#xa0;? (consigné dans le journal d’audit)</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>Banner</source>
        <translation>Bannière</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>{0} (current)</source>
        <translation>{0} (actuelle)</translation>
    </message>
    <message>
        <source>(not determined)</source>
        <translation>(non déterminée)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CableDesk</source>
        <translation>CableDesk</translation>
    </message>
    <message>
        <source>Sealed — see Sent</source>
        <translation>Scellé — voir Envoyés</translation>
    </message>
    <message>
        <source>{0} cable(s) found</source>
        <translation>{0} télégramme(s) trouvé(s)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>the vault was locking</source>
        <translation>le coffre se verrouillait</translation>
    </message>
    <message>
        <source>CableDesk was closing</source>
        <translation>CableDesk se fermait</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Fermer quand même</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la rédaction</translation>
    </message>
    <message>
        <source>Delete the draft</source>
        <translation>Supprimer le brouillon</translation>
    </message>
    <message>
        <source>Delete this draft and its history?</source>
        <translation>Supprimer ce brouillon et son historique&#xa0;?</translation>
    </message>
    <message>
        <source>Draft history</source>
        <translation>Historique du brouillon</translation>
    </message>
    <message>
        <source>Open a draft to see its history.</source>
        <translation>Ouvrez un brouillon pour voir son historique.</translation>
    </message>
    <message>
        <source>Restored: the draft is now at version {0}.</source>
        <translation>Restauré&#xa0;: le brouillon est maintenant à la version {0}.</translation>
    </message>
    <message>
        <source>Clearances</source>
        <translation>Visas</translation>
    </message>
    <message>
        <source>Open a draft to send it for clearance.</source>
        <translation>Ouvrez un brouillon pour l&apos;envoyer pour visa.</translation>
    </message>
    <message>
        <source>Vault unlocked — no identity</source>
        <translation>Coffre déverrouillé — aucune identité</translation>
    </message>
    <message>
        <source>Vault unlocked · {0} ({1}) · {2}</source>
        <translation>Coffre déverrouillé · {0} ({1}) · {2}</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>Ouverture de {0}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>CableDesk files (*.cable *.docx *.pdf *.zip *.contact);;All files (*)</source>
        <translation>Fichiers CableDesk (*.cable *.docx *.pdf *.zip *.contact);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;New Draft</source>
        <translation>&amp;Nouveau brouillon</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Se&amp;al…</source>
        <translation>&amp;Sceller…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>&amp;Verify again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
    <message>
        <source>No sealed file</source>
        <translation>Aucun fichier scellé</translation>
    </message>
    <message>
        <source>The archive keeps no sealed file of this cable (it was imported as a record, or its file was removed).</source>
        <translation>L’archive ne conserve aucun fichier scellé de ce câble (il a été importé comme document, ou son fichier a été supprimé).</translation>
    </message>
    <message>
        <source>The archive keeps no sealed file of this cable, so its sender&apos;s card cannot be read from it.</source>
        <translation>L’archive ne conserve aucun fichier scellé de ce câble : la carte de son expéditeur ne peut donc pas y être lue.</translation>
    </message>
    <message>
        <source>Contact imported</source>
        <translation>Contact importé</translation>
    </message>
    <message>
        <source>{0} is now among your contacts, unverified.
Safety number:
{1}

Compare it with them by phone or in person, then mark the contact verified.</source>
        <translation>{0} figure désormais parmi vos contacts, non vérifié.
Numéro de sécurité&#xa0;:
{1}

Comparez-le avec cette personne par téléphone ou en personne, puis marquez le contact comme vérifié.</translation>
    </message>
    <message>
        <source>Encrypt File…</source>
        <translation>Chiffrer un fichier…</translation>
    </message>
    <message>
        <source>Decrypt File…</source>
        <translation>Déchiffrer un fichier…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Find in Archive</source>
        <translation>Rec&amp;hercher dans les archives</translation>
    </message>
    <message>
        <source>&amp;Delete Draft…</source>
        <translation>&amp;Supprimer le brouillon…</translation>
    </message>
    <message>
        <source>Draft &amp;History…</source>
        <translation>&amp;Historique du brouillon…</translation>
    </message>
    <message>
        <source>Send for &amp;Clearance…</source>
        <translation>Envoyer pour &amp;visa…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Directory…</source>
        <translation>&amp;Annuaire…</translation>
    </message>
    <message>
        <source>&amp;About CableDesk</source>
        <translation>À &amp;propos de CableDesk</translation>
    </message>
    <message>
        <source>&amp;Drafts</source>
        <translation>&amp;Brouillons</translation>
    </message>
    <message>
        <source>&amp;Sent</source>
        <translation>&amp;Envoyés</translation>
    </message>
    <message>
        <source>&amp;Received</source>
        <translation>&amp;Reçus</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>&amp;Contacts</translation>
    </message>
    <message>
        <source>&amp;Audit Log</source>
        <translation>&amp;Journal d’audit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Sceller</translation>
    </message>
    <message>
        <source>Open the draft to seal first.</source>
        <translation>Ouvrez d’abord le brouillon à sceller.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Open a draft or a cable to export first.</source>
        <translation>Ouvrez d’abord un brouillon ou un télégramme à exporter.</translation>
    </message>
    <message>
        <source>About CableDesk</source>
        <translation>À propos de CableDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;CableDesk {0}&lt;/b&gt;&lt;p&gt;Offline drafting, sealing and verification of classified diplomatic cables. Formats: age v1, OpenSSH signatures, OOXML.&lt;/p&gt;</source>
        <translation>&lt;b&gt;CableDesk {0}&lt;/b&gt;&lt;p&gt;Rédaction, scellement et vérification hors ligne de télégrammes diplomatiques classifiés. Formats&#xa0;: age v1, signatures OpenSSH, OOXML.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OutputFile</name>
    <message>
        <source>Output file</source>
        <translation>Fichier de sortie</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Write the sealed cable to</source>
        <translation>Enregistrer le télégramme scellé sous</translation>
    </message>
    <message>
        <source>Sealed cables (*.cable)</source>
        <translation>Télégrammes scellés (*.cable)</translation>
    </message>
    <message>
        <source>A file named {0} is already in this folder; sealing never replaces a file.</source>
        <translation>Un fichier nommé {0} se trouve déjà dans ce dossier&#xa0;; le scellement ne remplace jamais un fichier.</translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation>Utiliser {0}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Explanation</source>
        <translation>Explication</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Numéro de sécurité</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Release policy</source>
        <translation>Politique de diffusion</translation>
    </message>
    <message>
        <source>{0} — cannot be chosen: {1}</source>
        <translation>{0} — ne peut pas être choisi&#xa0;: {1}</translation>
    </message>
</context>
<context>
    <name>ReleaseOptionsBox</name>
    <message>
        <source>Sanitized version</source>
        <translation>Version expurgée</translation>
    </message>
    <message>
        <source>Release the REF lines</source>
        <translation>Communiquer les lignes REF</translation>
    </message>
    <message>
        <source>Release the attachments list</source>
        <translation>Communiquer la liste des pièces jointes</translation>
    </message>
    <message>
        <source>Release the subject and its TAGS</source>
        <translation>Communiquer l’objet et ses TAGS</translation>
    </message>
    <message>
        <source>Name the source cable (id, serial, date-time group)</source>
        <translation>Nommer le télégramme source (identifiant, numéro, groupe date-heure)</translation>
    </message>
    <message>
        <source>Keep the original paragraph numbers, with a line for each one withheld</source>
        <translation>Garder les numéros de paragraphe d’origine, avec une ligne pour chaque paragraphe retenu</translation>
    </message>
    <message>
        <source>optional: a releasable subject in place of the withheld one</source>
        <translation>facultatif : un objet communicable à la place de l’objet retenu</translation>
    </message>
    <message>
        <source>Replacement subject</source>
        <translation>Objet de remplacement</translation>
    </message>
    <message>
        <source>who sanitized it (default: you)</source>
        <translation>qui l’a expurgé (par défaut : vous)</translation>
    </message>
    <message>
        <source>Sanitized by</source>
        <translation>Expurgé par</translation>
    </message>
    <message>
        <source>optional: under what authority</source>
        <translation>facultatif : en vertu de quelle autorité</translation>
    </message>
    <message>
        <source>Sanitization authority</source>
        <translation>Autorité d’expurgation</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Sanitized by:</source>
        <translation>Expurgé par :</translation>
    </message>
    <message>
        <source>Authority:</source>
        <translation>Autorité :</translation>
    </message>
</context>
<context>
    <name>ReturnEditDialog</name>
    <message>
        <source>Your changes — {0}</source>
        <translation>Vos modifications — {0}</translation>
    </message>
    <message>
        <source>Edit the subject and the paragraphs, then return your version to the drafter. Your answer is signed over your version; the drafter decides whether it becomes the cable&apos;s text.</source>
        <translation>Modifiez l&apos;objet et les paragraphes, puis renvoyez votre version au rédacteur. Votre réponse est signée sur votre version ; le rédacteur décide si elle devient le texte du télégramme.</translation>
    </message>
    <message>
        <source>What you changed and why (optional)</source>
        <translation>Ce que vous avez modifié et pourquoi (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Objet :</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texte :</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>Co&amp;mmentaire :</translation>
    </message>
    <message>
        <source>&amp;Return with changes…</source>
        <translation>&amp;Renvoyer avec des modifications…</translation>
    </message>
    <message>
        <source>Save the answer as</source>
        <translation>Enregistrer la réponse sous</translation>
    </message>
    <message>
        <source>You changed nothing: to accept the text as it is, clear it.</source>
        <translation>Vous n&apos;avez rien modifié : pour accepter le texte tel quel, visez-le.</translation>
    </message>
    <message>
        <source>The cable needs at least one paragraph.</source>
        <translation>Le télégramme doit avoir au moins un paragraphe.</translation>
    </message>
    <message>
        <source>Answer sealed</source>
        <translation>Réponse scellée</translation>
    </message>
    <message>
        <source>Your version is sealed for the drafter: {0}</source>
        <translation>Votre version est scellée pour le rédacteur : {0}</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke {0}&apos;s keys</source>
        <translation>Révoquer les clés de {0}</translation>
    </message>
    <message>
        <source>Nothing more will be encrypted or sealed to {0}, and what these keys sign will no longer be trusted. To use {0} again you will need their new card.</source>
        <translation>Plus rien ne sera chiffré ni scellé pour {0}, et ce que ces clés signent ne sera plus digne de confiance. Pour correspondre à nouveau avec {0}, il vous faudra sa nouvelle carte.</translation>
    </message>
    <message>
        <source>Why are the keys revoked?</source>
        <translation>Pourquoi ces clés sont-elles révoquées&#xa0;?</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Revoke a key</source>
        <translation>Révoquer une clé</translation>
    </message>
    <message>
        <source>The key is listed as revoked in the next directory you publish, and its attestation is withdrawn. Users&apos; CableDesk then refuses it everywhere.</source>
        <translation>La clé figure comme révoquée dans le prochain annuaire que vous publiez, et son attestation est retirée. CableDesk la refuse alors partout chez les utilisateurs.</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Key compromise</source>
        <translation>Clé compromise</translation>
    </message>
    <message>
        <source>Left the service</source>
        <translation>A quitté le service</translation>
    </message>
    <message>
        <source>Clearance withdrawn</source>
        <translation>Habilitation retirée</translation>
    </message>
    <message>
        <source>Superseded by a new key</source>
        <translation>Remplacée par une nouvelle clé</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explication</translation>
    </message>
    <message>
        <source>Optional, published with the revocation</source>
        <translation>Facultatif, publié avec la révocation</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Empreinte&#xa0;:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Explication :</translation>
    </message>
</context>
<context>
    <name>SealDialog</name>
    <message>
        <source>Seal the cable</source>
        <translation>Sceller le télégramme</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Why recipients are refused</source>
        <translation>Motifs de refus des destinataires</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Add attachments…</source>
        <translation>Ajouter des pièces jointes…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>ASCII armor (to paste into a text e-mail)</source>
        <translation>Armure ASCII (à coller dans un courriel en texte brut)</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Sceller</translation>
    </message>
    <message>
        <source>Seal for (you always receive a copy):</source>
        <translation>Sceller pour (vous recevez toujours une copie)&#xa0;:</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Pièces jointes&#xa0;:</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>Enregistrer sous&#xa0;:</translation>
    </message>
    <message>
        <source>Reading your contacts…</source>
        <translation>Lecture de vos contacts…</translation>
    </message>
    <message>
        <source>a portion mark cannot be read</source>
        <translation>une marque de paragraphe est illisible</translation>
    </message>
    <message>
        <source>The cable follows the rules.</source>
        <translation>Le télégramme respecte les règles.</translation>
    </message>
    <message>
        <source>Refused (see below)</source>
        <translation>Refusé (voir ci-dessous)</translation>
    </message>
    <message>
        <source>Unverified: tick to confirm you trust this key</source>
        <translation>Non vérifié&#xa0;: cochez si vous faites confiance à cette clé</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Autorisé</translation>
    </message>
    <message>
        <source>{0} (in {1})</source>
        <translation>{0} (dans {1})</translation>
    </message>
    <message>
        <source>Sealed post-quantum (ML-KEM-768 + X25519) for everyone.</source>
        <translation>Scellé post-quantique (ML-KEM-768 + X25519) pour tous.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>Scellé</translation>
    </message>
    <message>
        <source>X25519, not post-quantum</source>
        <translation>X25519, non post-quantique</translation>
    </message>
    <message>
        <source>post-quantum (ML-KEM-768 + X25519)</source>
        <translation>post-quantique (ML-KEM-768 + X25519)</translation>
    </message>
    <message>
        <source>Sealed {0} ({1}) for:
{2}</source>
        <translation>{0} scellé ({1}) pour :
{2}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Lock the vault when the screen locks</source>
        <translation>Verrouiller le coffre au verrouillage de l’écran</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Remember the vault on this device</source>
        <translation>Mémoriser le coffre sur cet appareil</translation>
    </message>
    <message>
        <source>Asking the keychain…</source>
        <translation>Interrogation du trousseau…</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Changer la phrase de passe…</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>default, off, or a level such as SECRET</source>
        <translation>default, off, ou un niveau comme SECRET</translation>
    </message>
    <message>
        <source>off, or a level such as SECRET</source>
        <translation>off, ou un niveau tel que SECRET</translation>
    </message>
    <message>
        <source> versions</source>
        <translation> versions</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>default, off, or a level such as CONFIDENTIAL</source>
        <translation>default, off, ou un niveau tel que CONFIDENTIAL</translation>
    </message>
    <message>
        <source>Directory…</source>
        <translation>Annuaire…</translation>
    </message>
    <message>
        <source>Security offices and their directories</source>
        <translation>Bureaux de sécurité et leurs annuaires</translation>
    </message>
    <message>
        <source>A change of language applies at the next start.</source>
        <translation>Un changement de langue prend effet au prochain démarrage.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Lock after minutes without use</source>
        <translation>Verrouiller après ce nombre de minutes d’inactivité</translation>
    </message>
    <message>
        <source>Lock when the screen locks</source>
        <translation>Verrouiller au verrouillage de l’écran</translation>
    </message>
    <message>
        <source>Clear copied text after seconds</source>
        <translation>Effacer le texte copié après ce nombre de secondes</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Changer la phrase de passe</translation>
    </message>
    <message>
        <source>Scheme of new drafts</source>
        <translation>Référentiel des nouveaux brouillons</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <source>Export ceiling</source>
        <translation>Plafond d’exportation</translation>
    </message>
    <message>
        <source>Lowest level sealed only for post-quantum keys</source>
        <translation>Niveau à partir duquel on ne scelle que pour des clés post-quantiques</translation>
    </message>
    <message>
        <source>Earlier versions kept per draft</source>
        <translation>Versions antérieures conservées par brouillon</translation>
    </message>
    <message>
        <source>Attested attributes required from</source>
        <translation>Attributs attestés exigés à partir de</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Approval required from this level</source>
        <translation>Approbation requise à partir de ce niveau</translation>
    </message>
    <message>
        <source>Two approvals from this level</source>
        <translation>Deux approbations à partir de ce niveau</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Lock after:</source>
        <translation>Verrouiller après&#xa0;:</translation>
    </message>
    <message>
        <source>Clear copied text after:</source>
        <translation>Effacer le texte copié après&#xa0;:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Post-quantum from:</source>
        <translation>Post-quantique à partir de :</translation>
    </message>
    <message>
        <source>Drafts and documents</source>
        <translation>Brouillons et documents</translation>
    </message>
    <message>
        <source>Scheme of new drafts:</source>
        <translation>Référentiel des nouveaux brouillons&#xa0;:</translation>
    </message>
    <message>
        <source>Paper size:</source>
        <translation>Format du papier&#xa0;:</translation>
    </message>
    <message>
        <source>Export ceiling:</source>
        <translation>Plafond d’exportation&#xa0;:</translation>
    </message>
    <message>
        <source>Draft history:</source>
        <translation>Historique des brouillons&#xa0;:</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <source>Attested attributes from:</source>
        <translation>Attributs attestés à partir de :</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>Approval required from:</source>
        <translation>Approbation requise à partir de :</translation>
    </message>
    <message>
        <source>Two approvals from:</source>
        <translation>Deux approbations à partir de :</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Remembered in {0}: the vault opens without the passphrase here.</source>
        <translation>Mémorisé dans {0}&#xa0;: le coffre s’ouvre ici sans la phrase de passe.</translation>
    </message>
    <message>
        <source>Not remembered; {0} can keep the vault&apos;s key.</source>
        <translation>Non mémorisé&#xa0;; {0} peut conserver la clé du coffre.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>In effect: {0}</source>
        <translation>En vigueur&#xa0;: {0}</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>La phrase de passe a été changée.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Portion mark of the paragraph (in the text)</source>
        <translation>Marque de portion du paragraphe (dans le texte)</translation>
    </message>
    <message>
        <source>Menu key, Shift+F10</source>
        <translation>Touche Menu, Maj+F10</translation>
    </message>
    <message>
        <source>Choose a mark in the mark menu</source>
        <translation>Choisir une marque dans le menu des marques</translation>
    </message>
    <message>
        <source>Up, Down, then Enter</source>
        <translation>Haut, Bas, puis Entrée</translation>
    </message>
    <message>
        <source>Next field, previous field</source>
        <translation>Champ suivant, champ précédent</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Maj+Tab</translation>
    </message>
    <message>
        <source>Mark a paragraph as you type it</source>
        <translation>Marquer un paragraphe en le tapant</translation>
    </message>
    <message>
        <source>(C) at its start</source>
        <translation>(C) à son début</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Search the archive</source>
        <translation>Chercher aux archives</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>Show the search filters</source>
        <translation>Afficher les filtres de recherche</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation>Robustesse de la phrase de passe</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Afficher la phrase de passe</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>CableDesk — Unlock</source>
        <translation>CableDesk — Déverrouillage</translation>
    </message>
    <message>
        <source>Unlock your vault</source>
        <translation>Déverrouillez votre coffre</translation>
    </message>
    <message>
        <source>Vault: {0}</source>
        <translation>Coffre&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Vault passphrase</source>
        <translation>Phrase de passe du coffre</translation>
    </message>
    <message>
        <source>Remember on this device</source>
        <translation>Mémoriser sur cet appareil</translation>
    </message>
    <message>
        <source>Remember the vault on this device</source>
        <translation>Mémoriser le coffre sur cet appareil</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Déverrouillage</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Unlock with the keychain</source>
        <translation>Déverrouiller avec le trousseau</translation>
    </message>
    <message>
        <source>Open the older vault anyway…</source>
        <translation>Ouvrir quand même l’ancien coffre…</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Saisissez votre phrase de passe.</translation>
    </message>
    <message>
        <source>The keychain does not remember this vault.</source>
        <translation>Le trousseau ne connaît pas ce coffre.</translation>
    </message>
    <message>
        <source>Type your passphrase first: opening the older vault needs it.</source>
        <translation>Saisissez d’abord votre phrase de passe&#xa0;: elle est nécessaire pour ouvrir l’ancien coffre.</translation>
    </message>
    <message>
        <source>Restore your latest backup of the vault into a new folder; or, if you put this older copy back on purpose, open it anyway: the changes made since that copy stay lost, and the acceptance is written in the audit log.</source>
        <translation>Restaurez votre sauvegarde la plus récente du coffre dans un nouveau dossier&#xa0;; ou, si vous avez remis cette ancienne copie en place volontairement, ouvrez-la quand même&#xa0;: les modifications faites depuis cette copie restent perdues, et l’acceptation est consignée dans le journal d’audit.</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>Intact and signed by {0}, a verified contact, for you.</source>
        <translation>Intact et signé par {0}, un contact vérifié, pour vous.</translation>
    </message>
    <message>
        <source>Intact and signed by {0}, a verified contact, for you. Its document (cable.docx) was not checked against the cable.</source>
        <translation>Intact et signé par {0}, un contact vérifié, à votre intention. Son document (cable.docx) n’a pas été contrôlé par rapport au télégramme.</translation>
    </message>
    <message>
        <source>Use the cable&apos;s text; the document was made by another version of CableDesk, and may not say the same.</source>
        <translation>Utilisez le texte du télégramme ; le document a été produit par une autre version de CableDesk et pourrait ne pas dire la même chose.</translation>
    </message>
    <message>
        <source>The document in this package (cable.docx) is not this cable: {0} included a document whose content differs from the cable&apos;s text.</source>
        <translation>Le document de ce paquet (cable.docx) n’est pas ce télégramme : {0} y a joint un document dont le contenu diffère du texte du télégramme.</translation>
    </message>
    <message>
        <source>Do not use the document; read the cable&apos;s text, and ask the sender to seal it again.</source>
        <translation>N’utilisez pas le document ; lisez le texte du télégramme et demandez à l’expéditeur de le sceller à nouveau.</translation>
    </message>
    <message>
        <source>Intact and signed by {0}, whose key you have not verified yet.</source>
        <translation>Intact et signé par {0}, dont vous n’avez pas encore vérifié la clé.</translation>
    </message>
    <message>
        <source>Compare the safety number with {0} through another channel, then mark the contact verified.</source>
        <translation>Comparez le numéro de sécurité avec {0} par un autre canal, puis marquez le contact comme vérifié.</translation>
    </message>
    <message>
        <source>Import the sender&apos;s contact card from this cable and compare its safety number with them through another channel before trusting it.</source>
        <translation>Importez la carte de contact de l’expéditeur depuis ce télégramme et comparez son numéro de sécurité avec lui par un autre canal avant de vous y fier.</translation>
    </message>
    <message>
        <source>This cable is signed with the key of {0}, which expired on {1}, before the cable says it was sealed ({2}).</source>
        <translation>Ce télégramme est signé avec la clé de {0}, qui a expiré le {1}, avant la date à laquelle il dit avoir été scellé ({2}).</translation>
    </message>
    <message>
        <source>Do not trust it, even though it is intact: an expired key may be in other hands. Ask {0} for a fresh copy sealed with their current key.</source>
        <translation>Ne vous y fiez pas, même s’il est intact : une clé expirée peut être entre d’autres mains. Demandez à {0} un nouvel exemplaire scellé avec sa clé actuelle.</translation>
    </message>
    <message>
        <source>This cable is signed with {0}, which {1} replaced with a new key on {2}, before the cable says it was sealed ({3}).</source>
        <translation>Ce télégramme est signé avec {0}, que {1} a remplacée par une nouvelle clé le {2}, avant la date à laquelle le télégramme dit avoir été scellé ({3}).</translation>
    </message>
    <message>
        <source>Do not trust it, even though it is intact: {0} no longer signs with that key, and whoever holds it may not be {0}. Ask {0} for a copy sealed with their new key.</source>
        <translation>Ne vous y fiez pas, même s’il est intact&#xa0;: {0} ne signe plus avec cette clé, et la personne qui la détient n’est peut-être pas {0}. Demandez à {0} une copie scellée avec sa nouvelle clé.</translation>
    </message>
    <message>
        <source>This cable was re-encrypted to you by someone other than the signer: {0} sealed it for {1}, not for you.</source>
        <translation>Ce télégramme vous a été rechiffré par une autre personne que le signataire&#xa0;: {0} l’a scellé pour {1}, pas pour vous.</translation>
    </message>
    <message>
        <source>It is intact, but ask {0} whether you were meant to receive it.</source>
        <translation>Il est intact, mais demandez à {0} s’il vous était destiné.</translation>
    </message>
    <message>
        <source>This cable was not sealed for you: {0} sealed it for {1}, and someone re-encrypted it to you.</source>
        <translation>Ce télégramme n’a pas été scellé pour vous&#xa0;: {0} l’a scellé pour {1}, et quelqu’un vous l’a rechiffré.</translation>
    </message>
    <message>
        <source>Do not rely on it. Ask {0} to seal it for you if you are meant to receive it.</source>
        <translation>Ne vous y fiez pas. Demandez à {0} de le sceller pour vous s’il vous est destiné.</translation>
    </message>
    <message>
        <source>The marking on this cable does not match its text: {0} sealed it as {1}, but its portion marks cannot be read.</source>
        <translation>Le marquage de ce télégramme ne correspond pas à son texte&#xa0;: {0} l’a scellé comme {1}, mais ses marques de paragraphe sont illisibles.</translation>
    </message>
    <message>
        <source>Do not rely on its marking or its content; ask the sender to check the marks and seal it again (or update CableDesk, if the sender&apos;s scheme is newer).</source>
        <translation>Ne vous fiez ni à son marquage ni à son contenu&#xa0;; demandez à l’expéditeur de vérifier les marques et de le sceller à nouveau (ou mettez CableDesk à jour, si le référentiel de l’expéditeur est plus récent).</translation>
    </message>
    <message>
        <source>The marking on this cable does not match its text: {0} sealed it as {1}, but its portion marks add up to {2}.</source>
        <translation>Le marquage de ce télégramme ne correspond pas à son texte&#xa0;: {0} l’a scellé comme {1}, mais ses marques de paragraphe aboutissent à {2}.</translation>
    </message>
    <message>
        <source>Handle it as the higher of the two markings, do not rely on its content, and ask the sender to seal it again.</source>
        <translation>Traitez-le selon le plus élevé des deux marquages, ne vous fiez pas à son contenu et demandez à l’expéditeur de le sceller à nouveau.</translation>
    </message>
    <message>
        <source>A statement that cannot be read ({0}): {1}</source>
        <translation>Une déclaration illisible ({0})&#xa0;: {1}</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>Rédigé</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Visé</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <source>Returned for changes</source>
        <translation>Renvoyé pour modifications</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>the signature holds</source>
        <translation>la signature est valide</translation>
    </message>
    <message>
        <source>the signature does NOT hold</source>
        <translation>la signature n’est PAS valide</translation>
    </message>
    <message>
        <source>made on this text</source>
        <translation>faite sur ce texte</translation>
    </message>
    <message>
        <source>NOT made on this text</source>
        <translation>PAS faite sur ce texte</translation>
    </message>
    <message>
        <source>{0} by {1} (as the statement names the signer), key {2}: {3}, {4}.</source>
        <translation>{0} par {1} (selon le nom que la déclaration donne au signataire), clé {2}&#xa0;: {3}, {4}.</translation>
    </message>
    <message>
        <source>Office: {0}</source>
        <translation>Service&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Comment: {0}</source>
        <translation>Commentaire&#xa0;: {0}</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>vérifiée</translation>
    </message>
    <message>
        <source>key not verified</source>
        <translation>clé non vérifiée</translation>
    </message>
    <message>
        <source>by a key not among your contacts</source>
        <translation>par une clé absente de vos contacts</translation>
    </message>
    <message>
        <source>KEYS CHANGED since you verified them</source>
        <translation>CLÉS CHANGÉES depuis que vous les avez vérifiées</translation>
    </message>
    <message>
        <source>KEY REVOKED</source>
        <translation>CLÉ RÉVOQUÉE</translation>
    </message>
    <message>
        <source>SIGNATURE DOES NOT HOLD</source>
        <translation>LA SIGNATURE N&apos;EST PAS VALABLE</translation>
    </message>
    <message>
        <source>ABOUT ANOTHER TEXT: does not count for this one</source>
        <translation>PORTE SUR UN AUTRE TEXTE : ne compte pas pour celui-ci</translation>
    </message>
    <message>
        <source>NO RELEASE AUTHORITY attested by a directory you trust</source>
        <translation>AUCUNE AUTORITÉ DE DIFFUSION attestée par un annuaire auquel vous faites confiance</translation>
    </message>
    <message>
        <source>Drafted by {0}: {1}</source>
        <translation>Rédigé par {0} : {1}</translation>
    </message>
    <message>
        <source>Cleared by {0}: {1}</source>
        <translation>Visé par {0} : {1}</translation>
    </message>
    <message>
        <source>Approved by {0}: {1}</source>
        <translation>Approuvé par {0} : {1}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; (as the statement names the signer)</source>
        <translation>« {0} » (tel que la déclaration nomme le signataire)</translation>
    </message>
    <message>
        <source>This cable is signed with the key of {0}, which was revoked ({1}).</source>
        <translation>Ce télégramme est signé avec la clé de {0}, qui a été révoquée ({1}).</translation>
    </message>
    <message>
        <source>the previous key of {0}</source>
        <translation>la clé précédente de {0}</translation>
    </message>
    <message>
        <source>Intact and signed by {0}, whose keys changed since you verified them.</source>
        <translation>Intact et signé par {0}, dont les clés ont changé depuis que vous les avez vérifiées.</translation>
    </message>
    <message>
        <source>Do not trust it yet: whoever holds these keys may not be the {0} you verified. Compare the safety number with them through another channel.</source>
        <translation>Ne vous y fiez pas encore : le détenteur de ces clés n&apos;est peut-être pas le {0} que vous avez vérifié. Comparez le numéro de sécurité avec lui par un autre canal.</translation>
    </message>
    <message>
        <source>Intact and signed by a key that is not among your contacts ({0}), which signs as &apos;{1}&apos;.</source>
        <translation>Intact et signé par une clé qui n&apos;est pas parmi vos contacts ({0}), qui signe « {1} ».</translation>
    </message>
    <message>
        <source>This cable is signed with the key of {0}, which was revoked.</source>
        <translation>Ce télégramme est signé avec la clé de {0}, qui a été révoquée.</translation>
    </message>
    <message>
        <source>Do not trust it, even though it is intact: whoever holds that key may not be {0}.</source>
        <translation>Ne vous y fiez pas, même s’il est intact&#xa0;: la personne qui détient cette clé n’est peut-être pas {0}.</translation>
    </message>
    <message>
        <source>{0} was altered after {1} signed this cable.</source>
        <translation>{0} a été modifié après que {1} a signé ce télégramme.</translation>
    </message>
    <message>
        <source>Do not trust any part of it; ask the sender for a fresh copy.</source>
        <translation>Ne vous fiez à aucune partie de son contenu&#xa0;; demandez un nouvel exemplaire à l’expéditeur.</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Ce que cela signifie</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Prudence</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>No signature to check</source>
        <translation>Aucune signature à vérifier</translation>
    </message>
    <message>
        <source>Valid signature</source>
        <translation>Signature valide</translation>
    </message>
    <message>
        <source>The document is intact and was signed with your own key.</source>
        <translation>Le document est intact et a été signé avec votre propre clé.</translation>
    </message>
    <message>
        <source>The document is intact and was signed by a verified contact.</source>
        <translation>Le document est intact et a été signé par un contact vérifié.</translation>
    </message>
    <message>
        <source>Valid signature — signer not verified</source>
        <translation>Signature valide — signataire non vérifié</translation>
    </message>
    <message>
        <source>The document is intact, but you have not verified the signer yet. Compare their safety number with them before relying on it.</source>
        <translation>Le document est intact, mais vous n’avez pas encore vérifié le signataire. Comparez avec lui son numéro de sécurité avant de vous y fier.</translation>
    </message>
    <message>
        <source>Signed by an unknown key</source>
        <translation>Signé par une clé inconnue</translation>
    </message>
    <message>
        <source>The document is intact, but the key that signed it is not one of your contacts. Do not rely on it until you have checked the fingerprint with the sender.</source>
        <translation>Le document est intact, mais la clé qui l’a signé n’appartient à aucun de vos contacts. Ne vous y fiez pas avant d’avoir vérifié l’empreinte avec l’expéditeur.</translation>
    </message>
    <message>
        <source>Signed with a revoked key</source>
        <translation>Signé avec une clé révoquée</translation>
    </message>
    <message>
        <source>The signer&apos;s keys are revoked. Do not trust this document.</source>
        <translation>Les clés du signataire sont révoquées. Ne vous fiez pas à ce document.</translation>
    </message>
    <message>
        <source>Signed by someone else</source>
        <translation>Signé par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>The document was not signed by the person you expected.</source>
        <translation>Le document n’a pas été signé par la personne attendue.</translation>
    </message>
    <message>
        <source>Signature made for something else</source>
        <translation>Signature faite pour autre chose</translation>
    </message>
    <message>
        <source>This signature was not made for a document. Do not accept it as the signature of this document.</source>
        <translation>Cette signature n’a pas été faite pour un document. Ne l’acceptez pas comme signature de ce document.</translation>
    </message>
    <message>
        <source>Signature for another file</source>
        <translation>Signature d’un autre fichier</translation>
    </message>
    <message>
        <source>This signature belongs to another file and does not match this one.</source>
        <translation>Cette signature appartient à un autre fichier et ne correspond pas à celui-ci.</translation>
    </message>
    <message>
        <source>Modified — do not trust it</source>
        <translation>Modifié — ne vous y fiez pas</translation>
    </message>
    <message>
        <source>The document does not match its signature: it was changed after it was signed, or the signature is forged. Ask the sender for a fresh copy.</source>
        <translation>Le document ne correspond pas à sa signature&#xa0;: il a été modifié après la signature, ou la signature est falsifiée. Demandez un nouvel exemplaire à l’expéditeur.</translation>
    </message>
    <message>
        <source>an unknown key</source>
        <translation>une clé inconnue</translation>
    </message>
    <message>
        <source>{0}, according only to the card that came with it</source>
        <translation>{0}, selon la seule carte qui l’accompagnait</translation>
    </message>
    <message>
        <source>your own key</source>
        <translation>votre propre clé</translation>
    </message>
    <message>
        <source>the key you named for this check</source>
        <translation>la clé désignée pour cette vérification</translation>
    </message>
    <message>
        <source>not one of your contacts</source>
        <translation>ne fait pas partie de vos contacts</translation>
    </message>
    <message>
        <source>intact: it matches the signature</source>
        <translation>intact&#xa0;: il correspond à la signature</translation>
    </message>
    <message>
        <source>modified: it does not match the signature</source>
        <translation>modifié&#xa0;: il ne correspond pas à la signature</translation>
    </message>
    <message>
        <source>a document</source>
        <translation>un document</translation>
    </message>
    <message>
        <source>a sealed cable</source>
        <translation>un télégramme scellé</translation>
    </message>
    <message>
        <source>a contact card</source>
        <translation>une carte de contact</translation>
    </message>
    <message>
        <source>something else ({0})</source>
        <translation>autre chose ({0})</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Signé par&#xa0;:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Empreinte&#xa0;:</translation>
    </message>
    <message>
        <source>Trust:</source>
        <translation>Confiance&#xa0;:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Document&#xa0;:</translation>
    </message>
    <message>
        <source>Signature made for:</source>
        <translation>Signature faite pour&#xa0;:</translation>
    </message>
    <message>
        <source>Expected signer:</source>
        <translation>Signataire attendu&#xa0;:</translation>
    </message>
    <message>
        <source>Signature names:</source>
        <translation>La signature désigne&#xa0;:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Signature&#xa0;:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256&#xa0;:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Remarque&#xa0;:</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <source>Sealed cable — {0}</source>
        <translation>Télégramme scellé — {0}</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Import sender&apos;s card</source>
        <translation>Importer la carte de l’expéditeur</translation>
    </message>
    <message>
        <source>Save attachments…</source>
        <translation>Enregistrer les pièces jointes…</translation>
    </message>
    <message>
        <source>Save attachments anyway…</source>
        <translation>Enregistrer les pièces jointes malgré tout…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>confiance inconnue</translation>
    </message>
    <message>
        <source>KEYS CHANGED since you verified them</source>
        <translation>CLÉS CHANGÉES depuis que vous les avez vérifiées</translation>
    </message>
    <message>
        <source>not among your contacts, signs as &apos;{0}&apos;</source>
        <translation>pas parmi vos contacts, signe « {0} »</translation>
    </message>
    <message>
        <source>Signed by {0} — {1}
Key {2}</source>
        <translation>Signé par {0} — {1}
Clé {2}</translation>
    </message>
    <message>
        <source>Signs as &apos;{0}&apos;: the sender&apos;s own claim, not your contact record.</source>
        <translation>Signe « {0} » : ce que l&apos;expéditeur affirme, non votre fiche de contact.</translation>
    </message>
    <message>
        <source>Addressed to you: yes</source>
        <translation>Adressé à vous&#xa0;: oui</translation>
    </message>
    <message>
        <source>NOT in the list of recipients the signer named</source>
        <translation>Vous ne figurez PAS parmi les destinataires désignés par le signataire</translation>
    </message>
    <message>
        <source>Sealed post-quantum: yes (ML-KEM-768 + X25519)</source>
        <translation>Scellé post-quantique : oui (ML-KEM-768 + X25519)</translation>
    </message>
    <message>
        <source>Sealed post-quantum: no (X25519)</source>
        <translation>Scellé post-quantique : non (X25519)</translation>
    </message>
    <message>
        <source>Changed after signing: {0}</source>
        <translation>Modifié après la signature&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Made for keys of kind: {0}</source>
        <translation>Chiffré pour des clés de type&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Attachments: {0}</source>
        <translation>Pièces jointes&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Clearance statements ({0}):</source>
        <translation>Déclarations de visa ({0})&#xa0;:</translation>
    </message>
    <message>
        <source>Clearance statements</source>
        <translation>Déclarations de visa</translation>
    </message>
    <message>
        <source>Contact imported</source>
        <translation>Contact importé</translation>
    </message>
    <message>
        <source>{0} is now among your contacts, unverified.
Safety number:
{1}

Compare it with them by phone or in person, then mark the contact verified.</source>
        <translation>{0} figure désormais parmi vos contacts, non vérifié.
Numéro de sécurité&#xa0;:
{1}

Comparez-le avec cette personne par téléphone ou en personne, puis marquez le contact comme vérifié.</translation>
    </message>
    <message>
        <source>Save the attachments into</source>
        <translation>Enregistrer les pièces jointes dans</translation>
    </message>
    <message>
        <source>Not sealed for you</source>
        <translation>Non scellé pour vous</translation>
    </message>
    <message>
        <source>The signer did not seal this cable for you: someone re-encrypted it to you. Its signature is intact, but the signer never chose you as a reader.

Save its attachments anyway?</source>
        <translation>Le signataire n&apos;a pas scellé ce télégramme pour vous : quelqu&apos;un l&apos;a rechiffré à votre intention. Sa signature est intacte, mais le signataire ne vous a jamais choisi comme lecteur.

Enregistrer ses pièces jointes malgré tout ?</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrées</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Mark {0} verified</source>
        <translation>Marquer {0} comme vérifié</translation>
    </message>
    <message>
        <source>Read this safety number with {0} over another channel — in person, or aloud on the phone — and check that it is the same on both sides:</source>
        <translation>Lisez ce numéro de sécurité avec {0} par un autre canal — en personne, ou à voix haute au téléphone — et vérifiez qu’il est identique des deux côtés&#xa0;:</translation>
    </message>
    <message>
        <source>How did you verify it?</source>
        <translation>Comment l’avez-vous vérifié&#xa0;?</translation>
    </message>
    <message>
        <source>Mark verified</source>
        <translation>Marquer comme vérifié</translation>
    </message>
</context>
<context>
    <name>_DonePage</name>
    <message>
        <source>Your vault is ready</source>
        <translation>Votre coffre est prêt</translation>
    </message>
    <message>
        <source>Read these to your correspondents when they import your card: the safety number proves the card is really yours.</source>
        <translation>Lisez-les à vos correspondants lorsqu’ils importent votre carte&#xa0;: le numéro de sécurité prouve que la carte est bien la vôtre.</translation>
    </message>
    <message>
        <source>Save my contact card…</source>
        <translation>Enregistrer ma carte de contact…</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Empreinte&#xa0;:</translation>
    </message>
    <message>
        <source>Safety number:</source>
        <translation>Numéro de sécurité&#xa0;:</translation>
    </message>
</context>
<context>
    <name>_Filters</name>
    <message>
        <source>Any level</source>
        <translation>Tous niveaux</translation>
    </message>
    <message>
        <source>Any precedence</source>
        <translation>Toutes priorités</translation>
    </message>
    <message>
        <source>Sent, received and imported</source>
        <translation>Envoyés, reçus et importés</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importés</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>originating post</source>
        <translation>poste d’origine</translation>
    </message>
    <message>
        <source>TAGS, e.g. PREL, FR</source>
        <translation>TAGS, p. ex. PREL, FR</translation>
    </message>
    <message>
        <source>Filter by level</source>
        <translation>Filtrer par niveau</translation>
    </message>
    <message>
        <source>Filter by precedence</source>
        <translation>Filtrer par priorité</translation>
    </message>
    <message>
        <source>Filter by direction</source>
        <translation>Filtrer par sens</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>Until date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Filter by originating post</source>
        <translation>Filtrer par poste d’origine</translation>
    </message>
    <message>
        <source>Filter by TAGS</source>
        <translation>Filtrer par TAGS</translation>
    </message>
</context>
<context>
    <name>_Gutter</name>
    <message>
        <source>Click to change the portion mark (Ctrl+M)</source>
        <translation>Cliquez pour changer la marque de paragraphe (Ctrl+M)</translation>
    </message>
</context>
<context>
    <name>_IdentityPage</name>
    <message>
        <source>Who you are</source>
        <translation>Votre identité</translation>
    </message>
    <message>
        <source>Your name and post go on your contact card, which your correspondents import to seal cables for you. Your clearance and nationality decide what may be released to you.</source>
        <translation>Votre nom et votre poste figurent sur la carte de contact que vos correspondants importent pour vous sceller des télégrammes. Habilitation et nationalité déterminent ce qui peut vous être communiqué.</translation>
    </message>
    <message>
        <source>e.g. AMEMBASSY PARIS</source>
        <translation>p. ex. AMEMBASSY PARIS</translation>
    </message>
    <message>
        <source>three letters, e.g. USA, FRA</source>
        <translation>trois lettres, p. ex. USA, FRA</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Post:</source>
        <translation>Poste&#xa0;:</translation>
    </message>
    <message>
        <source>Your post</source>
        <translation>Votre poste</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Fonction&#xa0;:</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Votre fonction</translation>
    </message>
    <message>
        <source>E-mail (optional):</source>
        <translation>Courriel (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <source>Your e-mail address</source>
        <translation>Votre adresse électronique</translation>
    </message>
    <message>
        <source>Classification scheme:</source>
        <translation>Référentiel de classification&#xa0;:</translation>
    </message>
    <message>
        <source>Classification scheme</source>
        <translation>Référentiel de classification</translation>
    </message>
    <message>
        <source>Clearance:</source>
        <translation>Habilitation&#xa0;:</translation>
    </message>
    <message>
        <source>Your clearance</source>
        <translation>Votre habilitation</translation>
    </message>
    <message>
        <source>Nationality:</source>
        <translation>Nationalité&#xa0;:</translation>
    </message>
    <message>
        <source>Your nationality</source>
        <translation>Votre nationalité</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
</context>
<context>
    <name>_Opener</name>
    <message>
        <source>{0} is a signature. Open it together with the document it signs (select or drop both files).</source>
        <translation>{0} est une signature. Ouvrez-la avec le document qu’elle signe (sélectionnez ou déposez les deux fichiers).</translation>
    </message>
    <message>
        <source>CableDesk cannot open {0}: it is not a sealed cable (.cable), a signed document (.docx, .pdf, .zip) or a contact card (.contact).</source>
        <translation>CableDesk ne peut pas ouvrir {0}&#xa0;: ce n’est ni un télégramme scellé (.cable), ni un document signé (.docx, .pdf, .zip), ni une carte de contact (.contact).</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>_PartiesModel</name>
    <message>
        <source>Group members</source>
        <translation>Membres du groupe</translation>
    </message>
</context>
<context>
    <name>_PassphrasePage</name>
    <message>
        <source>Choose the vault passphrase</source>
        <translation>Choisissez la phrase de passe du coffre</translation>
    </message>
    <message>
        <source>It encrypts everything CableDesk keeps on this computer. Several unrelated words are easy to remember and hard to guess. It cannot be recovered if lost.</source>
        <translation>Elle chiffre tout ce que CableDesk conserve sur cet ordinateur. Plusieurs mots sans rapport entre eux sont faciles à retenir et difficiles à deviner. Perdue, elle est irrécupérable.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Confirmation de la phrase de passe</translation>
    </message>
    <message>
        <source>Remember on this device (in the system keychain)</source>
        <translation>Mémoriser sur cet appareil (dans le trousseau du système)</translation>
    </message>
    <message>
        <source>Looking for the system keychain…</source>
        <translation>Recherche du trousseau du système…</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Confirmation&#xa0;:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustesse&#xa0;:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases de passe ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>_RecordDialog</name>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>_RowDelegate</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>The cable has no originator (FM). Name the sending post.</source>
        <translation>Le télégramme n’a pas d’expéditeur (FM). Indiquez le poste émetteur.</translation>
    </message>
    <message>
        <source>The cable has no action addressee (TO). Add at least one.</source>
        <translation>Le télégramme n’a pas de destinataire pour action (TO). Ajoutez-en au moins un.</translation>
    </message>
    <message>
        <source>The cable has no subject. Write a one-line subject.</source>
        <translation>Le télégramme n’a pas d’objet. Écrivez un objet d’une ligne.</translation>
    </message>
    <message>
        <source>{name} is both an action and an info addressee; keep one.</source>
        <translation>{name} est à la fois destinataire pour action et pour information&#xa0;; n’en gardez qu’un.</translation>
    </message>
    <message>
        <source>A cable can carry only one channel caption, not {count} ({captions}). Keep one.</source>
        <translation>Un télégramme ne peut porter qu’une seule mention de canal, pas {count} ({captions}). N’en gardez qu’une.</translation>
    </message>
    <message>
        <source>Two attachments have the same name. Rename one.</source>
        <translation>Deux pièces jointes portent le même nom. Renommez-en une.</translation>
    </message>
    <message>
        <source>{value} is not a precedence of the {scheme} scheme. Use one of: {allowed}.</source>
        <translation>{value} n’est pas une priorité du référentiel {scheme}. Utilisez l’une de celles-ci&#xa0;: {allowed}.</translation>
    </message>
    <message>
        <source>The cable has no text. Write at least one paragraph.</source>
        <translation>Le télégramme n’a pas de texte. Écrivez au moins un paragraphe.</translation>
    </message>
    <message>
        <source>The stated classification {declared} is lower than a portion of the cable; the portions add up to {banner}.</source>
        <translation>La classification indiquée, {declared}, est inférieure à une partie du télégramme&#xa0;; les parties donnent {banner}.</translation>
    </message>
    <message>
        <source>A {level} cable needs a classification authority block: &apos;Classified by&apos; (name and title), the reason, and &apos;Declassify on&apos;.</source>
        <translation>Un télégramme {level} exige un bloc d’autorité de classification&#xa0;: &apos;Classified by&apos; (nom et fonction), le motif et &apos;Declassify on&apos;.</translation>
    </message>
    <message>
        <source>Give the reason for classification (e.g. 1.4(b), 1.4(d)) or the source it is derived from.</source>
        <translation>Indiquez le motif de classification (p. ex. 1.4(b), 1.4(d)) ou la source dont il dérive.</translation>
    </message>
    <message>
        <source>Say when the cable may be declassified: a date, an event or an exemption such as 25X1.</source>
        <translation>Indiquez quand le télégramme pourra être déclassifié&#xa0;: une date, un événement ou une exemption comme 25X1.</translation>
    </message>
    <message>
        <source>{code} is not a known exemption code.</source>
        <translation>{code} n’est pas un code d’exemption connu.</translation>
    </message>
    <message>
        <source>The declassification date {date} has already passed.</source>
        <translation>La date de déclassification {date} est déjà passée.</translation>
    </message>
    <message>
        <source>The cable has no subject TAG (such as PREL or ECON); every cable needs at least one.</source>
        <translation>Le télégramme n’a pas de TAG de sujet (comme PREL ou ECON)&#xa0;; chaque télégramme en exige au moins un.</translation>
    </message>
    <message>
        <source>This portion has no portion mark. Mark it, e.g. {example}.</source>
        <translation>Cette partie n’a pas de marque de classification. Marquez-la, p. ex. {example}.</translation>
    </message>
    <message>
        <source>{value} is no longer an authorized precedence; use IMMEDIATE or ROUTINE.</source>
        <translation>{value} n’est plus une priorité autorisée&#xa0;; utilisez IMMEDIATE ou ROUTINE.</translation>
    </message>
    <message>
        <source>Paragraph {number} is empty. Write it or remove it.</source>
        <translation>Le paragraphe {number} est vide. Rédigez-le ou supprimez-le.</translation>
    </message>
    <message>
        <source>The stated classification {declared} differs from what the portions add up to ({banner}).</source>
        <translation>La classification indiquée, {declared}, diffère de ce que donnent les parties ({banner}).</translation>
    </message>
    <message>
        <source>An unclassified cable needs no classification authority block; remove it.</source>
        <translation>Un télégramme non classifié n’a pas besoin de bloc d’autorité de classification&#xa0;; supprimez-le.</translation>
    </message>
    <message>
        <source>{reason} is not a classification reason; use {allowed}.</source>
        <translation>{reason} n’est pas un motif de classification&#xa0;; utilisez {allowed}.</translation>
    </message>
    <message>
        <source>The exemption {code} needs a date, e.g. &apos;{code}, 2069-12-31&apos;.</source>
        <translation>L’exemption {code} exige une date, p. ex. &apos;{code}, 2069-12-31&apos;.</translation>
    </message>
    <message>
        <source>{value} is not a valid date; write it as YYYY-MM-DD.</source>
        <translation>{value} n’est pas une date valide&#xa0;; écrivez-la sous la forme AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>The declassification date {date} is more than {limit} years after the cable; choose {latest} or earlier, or an exemption.</source>
        <translation>La date de déclassification {date} est plus de {limit} ans après le télégramme&#xa0;; choisissez le {latest} ou avant, ou une exemption.</translation>
    </message>
    <message>
        <source>{tag} is not a known TAGS code; check it against the TAGS handbook.</source>
        <translation>{tag} n’est pas un code TAGS connu&#xa0;; vérifiez-le dans le manuel des TAGS.</translation>
    </message>
    <message>
        <source>{name} is listed twice as action addressee.</source>
        <translation>{name} figure deux fois comme destinataire pour action.</translation>
    </message>
    <message>
        <source>{name} is listed twice as info addressee.</source>
        <translation>{name} figure deux fois comme destinataire pour information.</translation>
    </message>
    <message>
        <source>Paragraph {number} starts with a typed number; paragraphs are numbered automatically, so remove it.</source>
        <translation>Le paragraphe {number} commence par un numéro saisi&#xa0;; les paragraphes sont numérotés automatiquement, supprimez-le donc.</translation>
    </message>
    <message>
        <source>{label} may not receive this cable</source>
        <translation>{label} ne peut pas recevoir ce télégramme</translation>
    </message>
    <message>
        <source>a clearance of at least {level}</source>
        <translation>une habilitation d’au moins {level}</translation>
    </message>
    <message>
        <source>nationals of {group} (CableDesk has no member list for {group})</source>
        <translation>ressortissants de {group} (CableDesk n’a pas la liste des membres de {group})</translation>
    </message>
    <message>
        <source>their nationality {value} is not an ISO 3166 three-letter country code</source>
        <translation>sa nationalité {value} n’est pas un code pays ISO 3166 à trois lettres</translation>
    </message>
    <message>
        <source>it is releasable only to nationals of {first} and {last}</source>
        <translation>il n’est communicable qu’aux ressortissants de {first} et {last}</translation>
    </message>
    <message>
        <source>{label} may not receive this {what} cable</source>
        <translation>{label} ne peut pas recevoir ce télégramme {what}</translation>
    </message>
    <message>
        <source>{refusal}: their keys were revoked.</source>
        <translation>{refusal}&#xa0;: ses clés ont été révoquées.</translation>
    </message>
    <message>
        <source>{refusal}: their keys expired on {moment} UTC.</source>
        <translation>{refusal}&#xa0;: ses clés ont expiré le {moment} UTC.</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>(non indiquée)</translation>
    </message>
    <message>
        <source>{label} is an unverified contact: seal to them only once you have confirmed that the fingerprint {fingerprint} is theirs.</source>
        <translation>{label} est un contact non vérifié&#xa0;: ne lui scellez de télégramme qu’après avoir confirmé que l’empreinte {fingerprint} est bien la sienne.</translation>
    </message>
    <message>
        <source>{label} is not one of your contacts: seal to them only once you have confirmed that the fingerprint {fingerprint} is theirs.</source>
        <translation>{label} ne fait pas partie de vos contacts&#xa0;: ne lui scellez de télégramme qu’après avoir confirmé que l’empreinte {fingerprint} est bien la sienne.</translation>
    </message>
    <message>
        <source>a clearance of at least {level} in the {scheme} scheme</source>
        <translation>une habilitation d’au moins {level} dans le référentiel {scheme}</translation>
    </message>
    <message>
        <source>{refusal}: it needs {wants}, and none is on record for them.</source>
        <translation>{refusal}&#xa0;: il exige {wants}, et aucune n’est enregistrée pour cette personne.</translation>
    </message>
    <message>
        <source>{refusal}: their clearance {clearance} belongs to a classification scheme CableDesk does not know ({scheme}).</source>
        <translation>{refusal}&#xa0;: son habilitation {clearance} relève d’un référentiel de classification que CableDesk ne connaît pas ({scheme}).</translation>
    </message>
    <message>
        <source>{refusal}: the {scheme} scheme of their clearance has no level high enough to protect it.</source>
        <translation>{refusal}&#xa0;: le référentiel {scheme} de son habilitation n’a pas de niveau assez élevé pour le protéger.</translation>
    </message>
    <message>
        <source>{refusal}: it needs {wants}, and their clearance {clearance} is not a level of that scheme.</source>
        <translation>{refusal}&#xa0;: il exige {wants}, et son habilitation {clearance} n’est pas un niveau de ce référentiel.</translation>
    </message>
    <message>
        <source>{refusal}: it needs {wants}, and theirs is {held}.</source>
        <translation>{refusal}&#xa0;: il exige {wants}, et la sienne est {held}.</translation>
    </message>
    <message>
        <source>{country} nationals</source>
        <translation>ressortissants {country}</translation>
    </message>
    <message>
        <source>nationals of the {group} countries</source>
        <translation>ressortissants des pays {group}</translation>
    </message>
    <message>
        <source>their nationality is not on record</source>
        <translation>sa nationalité n’est pas enregistrée</translation>
    </message>
    <message>
        <source>{refusal}: it is for {nationals} only, and {problem}.</source>
        <translation>{refusal}&#xa0;: il est réservé aux {nationals}, et {problem}.</translation>
    </message>
    <message>
        <source>{refusal}: it is for {nationals} only.</source>
        <translation>{refusal}&#xa0;: il est réservé aux {nationals}.</translation>
    </message>
    <message>
        <source>{refusal}: classified information without a release marking ({control}) is for {nationals} only.</source>
        <translation>{refusal}&#xa0;: une information classifiée sans mention de communicabilité ({control}) est réservée aux {nationals}.</translation>
    </message>
    <message>
        <source>{refusal}: it is releasable only to the nationalities it lists, and {problem}.</source>
        <translation>{refusal}&#xa0;: il n’est communicable qu’aux nationalités qu’il énumère, et {problem}.</translation>
    </message>
    <message>
        <source>it names no one it may be released to</source>
        <translation>il ne nomme personne à qui il puisse être communiqué</translation>
    </message>
    <message>
        <source>it is releasable only to nationals of {first}</source>
        <translation>il n’est communicable qu’aux ressortissants de {first}</translation>
    </message>
    <message>
        <source>{refusal}: {whom} (CableDesk has no member list for {unknown}).</source>
        <translation>{refusal}&#xa0;: {whom} (CableDesk n’a pas la liste des membres de {unknown}).</translation>
    </message>
    <message>
        <source>{refusal}: {whom}.</source>
        <translation>{refusal}&#xa0;: {whom}.</translation>
    </message>
    <message>
        <source>{refusal}: it goes only to holders of the posts it is addressed to, and no post is on record for them.</source>
        <translation>{refusal}&#xa0;: il ne va qu’aux titulaires des postes auxquels il est adressé, et aucun poste n’est enregistré pour cette personne.</translation>
    </message>
    <message>
        <source>{refusal}: it goes only to holders of the posts it is addressed to, and their post, {post}, is not among them.</source>
        <translation>{refusal}&#xa0;: il ne va qu’aux titulaires des postes auxquels il est adressé, et son poste, {post}, n’en fait pas partie.</translation>
    </message>
    <message>
        <source>{refusal}: their keys were revoked ({why}).</source>
        <translation>{refusal}&#xa0;: ses clés ont été révoquées ({why}).</translation>
    </message>
    <message>
        <source>{refusal}: classified information without a release marking ({control}) is for {nationals} only, and {problem}.</source>
        <translation>{refusal}&#xa0;: une information classifiée sans mention de communicabilité ({control}) est réservée aux {nationals}, et {problem}.</translation>
    </message>
    <message>
        <source>the {group} countries</source>
        <translation>les pays {group}</translation>
    </message>
    <message>
        <source>a security clearance</source>
        <translation>une habilitation de sécurité</translation>
    </message>
    <message>
        <source>{control} cannot be used on {level} information.</source>
        <translation>{control} ne peut pas s’appliquer à une information {level}.</translation>
    </message>
    <message>
        <source>The marking is empty.</source>
        <translation>Le marquage est vide.</translation>
    </message>
    <message>
        <source>{token} is not a classification level of the {scheme} scheme.</source>
        <translation>{token} n’est pas un niveau de classification du référentiel {scheme}.</translation>
    </message>
    <message>
        <source>{token} is not a control of the {scheme} scheme.</source>
        <translation>{token} n’est pas une mention de contrôle du référentiel {scheme}.</translation>
    </message>
    <message>
        <source>{control} needs a list of countries.</source>
        <translation>{control} exige une liste de pays.</translation>
    </message>
    <message>
        <source>The portion mark {mark} has no closing parenthesis.</source>
        <translation>La marque de paragraphe {mark} n’a pas de parenthèse fermante.</translation>
    </message>
    <message>
        <source>Write a level such as {level}.</source>
        <translation>Écrivez un niveau comme {level}.</translation>
    </message>
    <message>
        <source>Levels of this scheme: {levels}.</source>
        <translation>Niveaux de ce référentiel&#xa0;: {levels}.</translation>
    </message>
    <message>
        <source>The marking {marking} has an empty part between &apos;//&apos; separators.</source>
        <translation>Le marquage {marking} a une partie vide entre des séparateurs «&#xa0;//&#xa0;».</translation>
    </message>
    <message>
        <source>The marking {marking} has an empty control between &apos;/&apos; separators.</source>
        <translation>Le marquage {marking} a une mention de contrôle vide entre des séparateurs «&#xa0;/&#xa0;».</translation>
    </message>
    <message>
        <source>Known controls: {controls}.</source>
        <translation>Mentions de contrôle connues&#xa0;: {controls}.</translation>
    </message>
    <message>
        <source>For example: {control} {country}, GBR.</source>
        <translation>Par exemple&#xa0;: {control} {country}, GBR.</translation>
    </message>
    <message>
        <source>The {control} list {text} has an empty entry.</source>
        <translation>La liste {control} {text} a une entrée vide.</translation>
    </message>
    <message>
        <source>{code} in the {control} list is not a known country code.</source>
        <translation>{code} dans la liste {control} n’est pas un code pays connu.</translation>
    </message>
    <message>
        <source>{code} appears twice in the {control} list.</source>
        <translation>{code} figure deux fois dans la liste {control}.</translation>
    </message>
    <message>
        <source>A release list needs its REL TO control, and REL TO needs a list.</source>
        <translation>Une liste de communicabilité exige sa mention REL TO, et REL TO exige une liste.</translation>
    </message>
    <message>
        <source>{control} needs a list of countries, and a list needs {control}.</source>
        <translation>{control} exige une liste de pays, et une liste exige {control}.</translation>
    </message>
    <message>
        <source>The {control} list must include {country}, the originating country.</source>
        <translation>La liste {control} doit inclure {country}, le pays d’origine.</translation>
    </message>
    <message>
        <source>{control} {country} alone releases to no one else.</source>
        <translation>{control} {country} seul ne communique à personne d’autre.</translation>
    </message>
    <message>
        <source>Write portion marks like (S//NF).</source>
        <translation>Écrivez les marques de paragraphe sous la forme (S//NF).</translation>
    </message>
    <message>
        <source>Remove the extra &apos;//&apos;.</source>
        <translation>Supprimez le «&#xa0;//&#xa0;» en trop.</translation>
    </message>
    <message>
        <source>{control} appears twice in the marking {marking}.</source>
        <translation>{control} figure deux fois dans le marquage {marking}.</translation>
    </message>
    <message>
        <source>Remove the extra &apos;/&apos;.</source>
        <translation>Supprimez le «&#xa0;/&#xa0;» en trop.</translation>
    </message>
    <message>
        <source>Separate country codes with a comma and a space.</source>
        <translation>Séparez les codes pays par une virgule suivie d’un espace.</translation>
    </message>
    <message>
        <source>Use ISO 3166 three-letter codes (GBR, FRA, DEU) or {tetragraphs}.</source>
        <translation>Utilisez des codes ISO 3166 à trois lettres (GBR, FRA, DEU) ou {tetragraphs}.</translation>
    </message>
    <message>
        <source>{control} and {other} contradict each other in one marking.</source>
        <translation>{control} et {other} se contredisent dans un même marquage.</translation>
    </message>
    <message>
        <source>{control} needs at least {level}.</source>
        <translation>{control} exige au moins {level}.</translation>
    </message>
    <message>
        <source>{control} applies only up to {level}.</source>
        <translation>{control} ne s’applique que jusqu’à {level}.</translation>
    </message>
    <message>
        <source>Write {control} {country}, {others}.</source>
        <translation>Écrivez {control} {country}, {others}.</translation>
    </message>
    <message>
        <source>Write each control once.</source>
        <translation>N’indiquez chaque mention de contrôle qu’une seule fois.</translation>
    </message>
    <message>
        <source>{control} already restricts more than {other}; keep only one.</source>
        <translation>{control} restreint déjà davantage que {other}&#xa0;; n’en gardez qu’une.</translation>
    </message>
    <message>
        <source>Mark it {control} instead.</source>
        <translation>Marquez-le plutôt {control}.</translation>
    </message>
    <message>
        <source>Name the countries it may be released to.</source>
        <translation>Nommez les pays auxquels il peut être communiqué.</translation>
    </message>
    <message>
        <source>The date-time group {dtg} lies more than a day in the future; a DTG is the time of release, in Zulu.</source>
        <translation>Le groupe date-heure {dtg} est à plus d’un jour dans le futur&#xa0;; un DTG est l’heure d’émission, en heure Zoulou.</translation>
    </message>
    <message>
        <source>{name} is addressed {value}, above the cable&apos;s precedence {cable}; raise the cable&apos;s precedence to {value}, or lower the addressee&apos;s.</source>
        <translation>{name} est destinataire en {value}, au-dessus de la priorité du télégramme {cable}&#xa0;; portez la priorité du télégramme à {value}, ou abaissez celle du destinataire.</translation>
    </message>
    <message>
        <source>The text starts with its portion mark {typed} typed again; remove it from the text.</source>
        <translation>Le texte commence par sa propre mention de portion {typed}, saisie une seconde fois&#xa0;; retirez-la du texte.</translation>
    </message>
    <message>
        <source>The text starts with the portion mark {typed}, but the portion is marked {mark}. Make {typed} its mark (if that is its classification) and remove it from the text.</source>
        <translation>Le texte commence par la mention de portion {typed}, mais la portion est marquée {mark}. Faites de {typed} sa mention (si c’est bien sa classification) et retirez-la du texte.</translation>
    </message>
    <message>
        <source>&apos;Derived from: Multiple Sources&apos; needs the list of the sources; name each one.</source>
        <translation>&apos;Derived from: Multiple Sources&apos; exige la liste des sources&#xa0;; nommez chacune d’elles.</translation>
    </message>
    <message>
        <source>A list of sources goes with &apos;Derived from: Multiple Sources&apos;; write that in &apos;Derived from&apos;, or name the one source there.</source>
        <translation>Une liste de sources va avec &apos;Derived from: Multiple Sources&apos;&#xa0;; écrivez-le dans &apos;Derived from&apos;, ou nommez-y la source unique.</translation>
    </message>
    <message>
        <source>A {level} cable can be downgraded only to a lower classified level of the {scheme} scheme ({allowed}); to declassify it, use &apos;Declassify on&apos;.</source>
        <translation>Un télégramme {level} ne peut être déclassé que vers un niveau classifié inférieur du référentiel {scheme} ({allowed})&#xa0;; pour le déclassifier, utilisez &apos;Declassify on&apos;.</translation>
    </message>
    <message>
        <source>An exemption&apos;s date may lie at most {limit} years after the cable (E.O. 13526 section 3.3); choose {latest} or earlier.</source>
        <translation>La date d’une exemption peut se situer au plus {limit} ans après le télégramme (E.O. 13526, section 3.3)&#xa0;; choisissez le {latest} ou une date antérieure.</translation>
    </message>
    <message>
        <source>Classification reasons of E.O. 13526 section 1.4 ({reasons}) belong to US classification; the {scheme} scheme has none. Remove them.</source>
        <translation>Les motifs de classification de la section 1.4 de l’E.O. 13526 ({reasons}) relèvent de la classification américaine&#xa0;; le référentiel {scheme} n’en a pas. Retirez-les.</translation>
    </message>
    <message>
        <source>Only one source is listed: name it in &apos;Derived from&apos; instead.</source>
        <translation>Une seule source est listée&#xa0;: nommez-la plutôt dans &apos;Derived from&apos;.</translation>
    </message>
    <message>
        <source>Source {number} is empty. Name it or remove it.</source>
        <translation>La source {number} est vide. Nommez-la ou retirez-la.</translation>
    </message>
    <message>
        <source>The downgrade date {date} must come after the cable&apos;s date.</source>
        <translation>La date de déclassement {date} doit suivre la date du télégramme.</translation>
    </message>
    <message>
        <source>The downgrade date {date} must come before the declassification date {declassify}.</source>
        <translation>La date de déclassement {date} doit précéder la date de déclassification {declassify}.</translation>
    </message>
    <message>
        <source>Write the downgrade instruction as a level and a date, e.g. &apos;{example} on 2030-01-01&apos;.</source>
        <translation>Écrivez l’instruction de déclassement sous la forme d’un niveau et d’une date, par exemple &apos;{example} on 2030-01-01&apos;.</translation>
    </message>
    <message>
        <source>{code} exempts from automatic declassification at 25 years only through an agency declassification guide approved by ISCAP (E.O. 13526 section 3.3): cite the guide in &apos;Derived from&apos;, or give a date.</source>
        <translation>{code} n’exempte de la déclassification automatique à 25 ans qu’au titre d’un guide de déclassification d’agence approuvé par l’ISCAP (E.O. 13526, section 3.3)&#xa0;: citez ce guide dans &apos;Derived from&apos;, ou donnez une date.</translation>
    </message>
    <message>
        <source>{code} is an exemption of E.O. 13526 (US classification); the {scheme} scheme has no exemptions. Give a date or an event.</source>
        <translation>{code} est une exemption de l’E.O. 13526 (classification américaine)&#xa0;; le référentiel {scheme} n’a pas d’exemptions. Donnez une date ou un événement.</translation>
    </message>
    <message>
        <source>{code} is no longer allowed in &apos;Declassify on&apos; (ended by {since}); E.O. 13526 section 1.5 requires a date or event no more than {limit} years away, or an exemption.</source>
        <translation>{code} n’est plus admis dans &apos;Declassify on&apos; (abandonné par {since})&#xa0;; la section 1.5 de l’E.O. 13526 exige une date ou un événement à {limit} ans au plus, ou une exemption.</translation>
    </message>
    <message>
        <source>The caption {caption} restricts nothing: no portion is marked {portion}. Mark the portions it covers, e.g. ({example}).</source>
        <translation>La mention de diffusion {caption} ne restreint rien&#xa0;: aucune portion n’est marquée {portion}. Marquez les portions qu’elle couvre, par exemple ({example}).</translation>
    </message>
    <message>
        <source>The captions {caption} and {other} contradict each other: {caption} already restricts more. Keep only {caption}.</source>
        <translation>Les mentions de diffusion {caption} et {other} se contredisent&#xa0;: {caption} restreint déjà davantage. Ne gardez que {caption}.</translation>
    </message>
    <message>
        <source>The release policy does not allow {file} ({banner}) to be encrypted to these recipients:{reasons}</source>
        <translation>La politique de diffusion ne permet pas de chiffrer {file} ({banner}) pour ces destinataires :{reasons}</translation>
    </message>
    <message>
        <source>Remove the recipients named above; confirm unverified recipients only if you trust their keys.</source>
        <translation>Retirez les destinataires nommés ci-dessus ; ne confirmez des destinataires non vérifiés que si vous avez confiance en leurs clés.</translation>
    </message>
    <message>
        <source>Remove the recipients named above.</source>
        <translation>Retirez les destinataires nommés ci-dessus.</translation>
    </message>
    <message>
        <source>State its marking, a level of your scheme such as CONFIDENTIAL: --marking on the command line, or the marking choice in the desktop.</source>
        <translation>Indiquez son marquage, un niveau de votre référentiel tel que CONFIDENTIAL : --marking en ligne de commande, ou le choix du marquage dans l’application.</translation>
    </message>
    <message>
        <source>{file} looks classified ({markings}): state its marking before encrypting it to contacts.</source>
        <translation>{file} semble classifié ({markings}) : indiquez son marquage avant de le chiffrer pour des contacts.</translation>
    </message>
    <message>
        <source>{file} is not a CableDesk cable or document: state its marking before encrypting it to contacts.</source>
        <translation>{file} n’est ni un télégramme ni un document CableDesk : indiquez son marquage avant de le chiffrer pour des contacts.</translation>
    </message>
    <message>
        <source>CableDesk cannot read the marking of {file} (a sealed cable keeps it inside its encryption): state it before encrypting it to contacts.</source>
        <translation>CableDesk ne peut pas lire le marquage de {file} (un télégramme scellé le garde sous son chiffrement) : indiquez-le avant de le chiffrer pour des contacts.</translation>
    </message>
    <message>
        <source>This contact card is not signed by its owner&apos;s key: nothing binds its keys to that person, so it is refused.</source>
        <translation>Cette carte de contact n&apos;est pas signée par la clé de son titulaire : rien ne lie ses clés à cette personne, elle est donc refusée.</translation>
    </message>
    <message>
        <source>Ask the person for a card made by CableDesk. For someone who uses age and ssh-keygen, add their public keys by hand and verify both keys with them.</source>
        <translation>Demandez à la personne une carte faite par CableDesk. Pour quelqu&apos;un qui utilise age et ssh-keygen, ajoutez ses clés publiques à la main et vérifiez les deux clés avec elle.</translation>
    </message>
    <message>
        <source>This card of {name} is not newer than the one you have ({offered}; yours: {held}): an older or equal card cannot replace it.</source>
        <translation>Cette carte de {name} n&apos;est pas plus récente que celle que vous avez ({offered} ; la vôtre : {held}) : une carte plus ancienne ou égale ne peut pas la remplacer.</translation>
    </message>
    <message>
        <source>Someone may be replaying an old card. Ask {name} for their current card.</source>
        <translation>Quelqu&apos;un rejoue peut-être une ancienne carte. Demandez à {name} sa carte actuelle.</translation>
    </message>
    <message>
        <source>The safety number you compared is not {name}&apos;s: their keys changed meanwhile. Nothing was marked verified.</source>
        <translation>Le numéro de sécurité que vous avez comparé n&apos;est pas celui de {name} : ses clés ont changé entre-temps. Rien n&apos;a été marqué vérifié.</translation>
    </message>
    <message>
        <source>Compare the safety number shown now.</source>
        <translation>Comparez le numéro de sécurité affiché maintenant.</translation>
    </message>
    <message>
        <source>The age recipient you compared is not the one stored for {name}: do not mark the contact verified.</source>
        <translation>Le destinataire age que vous avez comparé n&apos;est pas celui enregistré pour {name} : ne marquez pas ce contact comme vérifié.</translation>
    </message>
    <message>
        <source>Compare both keys with them again; if theirs differ, add their new keys.</source>
        <translation>Comparez de nouveau les deux clés avec lui ; si les siennes diffèrent, ajoutez ses nouvelles clés.</translation>
    </message>
    <message>
        <source>{name} was added from raw public keys, which no signature binds together: the age recipient must be compared too.</source>
        <translation>{name} a été ajouté à partir de clés publiques brutes, qu&apos;aucune signature ne lie entre elles : le destinataire age doit aussi être comparé.</translation>
    </message>
    <message>
        <source>Give the age recipient you compared with them (--age-recipient age1...).</source>
        <translation>Indiquez le destinataire age que vous avez comparé avec lui (--age-recipient age1...).</translation>
    </message>
    <message>
        <source>The name of the attachment {name} holds a line break, a control character or an invisible character (such as one that reverses the text after it): shown to the recipient, it would not read as what it is.</source>
        <translation>Le nom de la pièce jointe {name} contient un saut de ligne, un caractère de contrôle ou un caractère invisible (tel qu&apos;un caractère qui inverse le texte qui le suit) : affiché chez le destinataire, il ne se lirait pas pour ce qu&apos;il est.</translation>
    </message>
    <message>
        <source>A directory is valid for 1 to {limit} days, not {days}.</source>
        <translation>Un annuaire est valable de 1 à {limit} jours, pas {days}.</translation>
    </message>
    <message>
        <source>A fingerprint is SHA256: followed by 43 characters.</source>
        <translation>Une empreinte s’écrit SHA256: suivi de 43 caractères.</translation>
    </message>
    <message>
        <source>A security office creates one once with &apos;cabledesk-cli authority init --name NAME&apos;.</source>
        <translation>Un bureau de sécurité en crée une, une seule fois, avec &apos;cabledesk-cli authority init --name NOM&apos;.</translation>
    </message>
    <message>
        <source>A vault holds one security office; use another vault.</source>
        <translation>Un coffre contient un seul bureau de sécurité ; utilisez un autre coffre.</translation>
    </message>
    <message>
        <source>An attestation cannot expire on {date}, which is not in the future.</source>
        <translation>Une attestation ne peut pas expirer le {date}, qui n’est pas dans le futur.</translation>
    </message>
    <message>
        <source>Ask the person for a card with new keys, and attest that one.</source>
        <translation>Demandez à la personne une carte avec de nouvelles clés, et attestez celle-là.</translation>
    </message>
    <message>
        <source>Ask the person for their current card.</source>
        <translation>Demandez à la personne sa carte actuelle.</translation>
    </message>
    <message>
        <source>Attest only a card made by CableDesk, received from its owner.</source>
        <translation>N’attestez qu’une carte faite par CableDesk, reçue de son titulaire.</translation>
    </message>
    <message>
        <source>Cannot read the card {file}: {reason}.</source>
        <translation>Impossible de lire la carte {file} : {reason}.</translation>
    </message>
    <message>
        <source>Choose another file name, or allow replacing it.</source>
        <translation>Choisissez un autre nom de fichier, ou autorisez son remplacement.</translation>
    </message>
    <message>
        <source>Do not attest it; ask the person for their card again.</source>
        <translation>Ne l’attestez pas ; redemandez sa carte à la personne.</translation>
    </message>
    <message>
        <source>For example USA, FRA, DEU, GBR.</source>
        <translation>Par exemple USA, FRA, DEU, GBR.</translation>
    </message>
    <message>
        <source>The explanation of a revocation must be plain text of at most {limit} characters.</source>
        <translation>L’explication d’une révocation doit être du texte simple d’au plus {limit} caractères.</translation>
    </message>
    <message>
        <source>The file {file} is far too large to be a card.</source>
        <translation>Le fichier {file} est bien trop grand pour être une carte.</translation>
    </message>
    <message>
        <source>The key {fingerprint} was revoked on {date} ({reason}); a revoked key is not attested again.</source>
        <translation>La clé {fingerprint} a été révoquée le {date} ({reason}) ; une clé révoquée n’est plus attestée.</translation>
    </message>
    <message>
        <source>The security office needs a name.</source>
        <translation>Le bureau de sécurité doit avoir un nom.</translation>
    </message>
    <message>
        <source>The security office of that nationality attests its own people.</source>
        <translation>Le bureau de sécurité de cette nationalité atteste ses propres ressortissants.</translation>
    </message>
    <message>
        <source>This card carries no self-signature: nothing binds its details to its keys.</source>
        <translation>Cette carte ne porte pas d’autosignature : rien ne lie ses informations à ses clés.</translation>
    </message>
    <message>
        <source>This card is forged or altered: {problem}</source>
        <translation>Cette carte est falsifiée ou modifiée : {problem}</translation>
    </message>
    <message>
        <source>This contact card expired on {date}.</source>
        <translation>Cette carte de contact a expiré le {date}.</translation>
    </message>
    <message>
        <source>This vault already holds an authority key.</source>
        <translation>Ce coffre contient déjà une clé d’autorité.</translation>
    </message>
    <message>
        <source>This vault holds no authority key: it is not a security office&apos;s vault.</source>
        <translation>Ce coffre ne contient pas de clé d’autorité : ce n’est pas le coffre d’un bureau de sécurité.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>toutes</translation>
    </message>
    <message>
        <source>{file} already exists.</source>
        <translation>{file} existe déjà.</translation>
    </message>
    <message>
        <source>{office} may not attest a person of nationality {nationality} under the scheme {scheme}: that is outside its scope (nationalities: {nationalities}; schemes: {schemes}).</source>
        <translation>{office} ne peut pas attester une personne de nationalité {nationality} dans le référentiel {scheme} : c’est hors de son périmètre (nationalités : {nationalities} ; référentiels : {schemes}).</translation>
    </message>
    <message>
        <source>{value} is not a key fingerprint.</source>
        <translation>{value} n’est pas une empreinte de clé.</translation>
    </message>
    <message>
        <source>{value} is not a reason for a revocation; the reasons are {reasons}.</source>
        <translation>{value} n’est pas un motif de révocation ; les motifs sont {reasons}.</translation>
    </message>
    <message>
        <source>{value} is not a role; the roles are {roles}.</source>
        <translation>{value} n’est pas un rôle ; les rôles sont {roles}.</translation>
    </message>
    <message>
        <source>{value} is not a special-access category (capitals, digits and hyphens, such as ATOMAL).</source>
        <translation>{value} n’est pas une catégorie d’accès spécial (majuscules, chiffres et traits d’union, comme ATOMAL).</translation>
    </message>
    <message>
        <source>{value} is not an ISO 3166 three-letter country code.</source>
        <translation>{value} n’est pas un code de pays ISO 3166 à trois lettres.</translation>
    </message>
    <message>
        <source>Add one to your identity with &apos;cabledesk-cli identity upgrade&apos; and send your newer contact card to your correspondents.</source>
        <translation>Ajoutez-en une à votre identité avec « cabledesk-cli identity upgrade » et envoyez votre nouvelle fiche de contact à vos correspondants.</translation>
    </message>
    <message>
        <source>Ask them to add one (&apos;cabledesk-cli identity upgrade&apos;) and send you their newer contact card; or lower the setting post-quantum-from.</source>
        <translation>Demandez-leur d’en ajouter une (« cabledesk-cli identity upgrade ») et de vous envoyer leur nouvelle fiche de contact ; ou abaissez le réglage post-quantum-from.</translation>
    </message>
    <message>
        <source>Not sealed post-quantum: there is no post-quantum key for {names}, so it is encrypted with X25519 for everyone (a future quantum computer could open it).</source>
        <translation>Non scellé post-quantique : il n’y a pas de clé post-quantique pour {names}, le chiffrement se fait donc en X25519 pour tous (un futur ordinateur quantique pourrait l’ouvrir).</translation>
    </message>
    <message>
        <source>This is {level}: from {threshold} up, CableDesk seals only for post-quantum keys, and there is none for {names}.</source>
        <translation>Ceci est {level} : à partir de {threshold}, CableDesk ne scelle que pour des clés post-quantiques, et il n’y en a pas pour {names}.</translation>
    </message>
    <message>
        <source>a level of your scheme, or off</source>
        <translation>un niveau de votre référentiel, ou off</translation>
    </message>
    <message>
        <source>Ask the security office for its latest directory.</source>
        <translation>Demandez au bureau de sécurité son dernier annuaire.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>Impossible de lire {path} : {reason}.</translation>
    </message>
    <message>
        <source>No trusted anchor matches {text}.</source>
        <translation>Aucune ancre approuvée ne correspond à {text}.</translation>
    </message>
    <message>
        <source>See &apos;cabledesk-cli directory status&apos;.</source>
        <translation>Voir « cabledesk-cli directory status ».</translation>
    </message>
    <message>
        <source>Several trusted anchors match {text}.</source>
        <translation>Plusieurs ancres approuvées correspondent à {text}.</translation>
    </message>
    <message>
        <source>The whole directory is refused; ask the security office for a correct one.</source>
        <translation>L’annuaire entier est refusé ; demandez-en un correct au bureau de sécurité.</translation>
    </message>
    <message>
        <source>This directory attests {fingerprint} (nationality {nationality}, scheme {scheme}), outside the scope of its anchor {anchor}.</source>
        <translation>Cet annuaire atteste {fingerprint} (nationalité {nationality}, système {scheme}), hors du périmètre de son ancre {anchor}.</translation>
    </message>
    <message>
        <source>This directory is signed by {fingerprint}, which is not an anchor you trust.</source>
        <translation>Cet annuaire est signé par {fingerprint}, qui n’est pas une ancre que vous avez approuvée.</translation>
    </message>
    <message>
        <source>This directory of {anchor} expired on {date}: it was to be replaced by then.</source>
        <translation>Cet annuaire de {anchor} a expiré le {date} : il devait être remplacé à cette date.</translation>
    </message>
    <message>
        <source>This directory of {anchor} has serial {serial}, not newer than the one you imported (serial {last}): an older directory is refused.</source>
        <translation>Cet annuaire de {anchor} porte le numéro {serial}, qui n’est pas plus récent que celui que vous avez importé (numéro {last}) : un annuaire plus ancien est refusé.</translation>
    </message>
    <message>
        <source>Trust the anchor of the security office that published it first (compare its fingerprint with the office).</source>
        <translation>Approuvez d’abord l’ancre du bureau de sécurité qui l’a publié (comparez son empreinte avec le bureau).</translation>
    </message>
    <message>
        <source>clearance</source>
        <translation>habilitation</translation>
    </message>
    <message>
        <source>clearance {value}</source>
        <translation>habilitation {value}</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>nationalité</translation>
    </message>
    <message>
        <source>nationality {value}</source>
        <translation>nationalité {value}</translation>
    </message>
    <message>
        <source>special accesses {value}</source>
        <translation>accès spéciaux {value}</translation>
    </message>
    <message>
        <source>{attribute} {value}</source>
        <translation>{attribute} {value}</translation>
    </message>
    <message>
        <source>{refusal}: their {attributes} are only self-declared, and from {threshold} on your setting attested-from asks for attributes attested by a security office you trust. Import the directory that attests them, or change attested-from.</source>
        <translation>{refusal} : leurs attributs ({attributes}) ne sont que déclarés par eux-mêmes, et à partir de {threshold} votre réglage attested-from exige des attributs attestés par un bureau de sécurité que vous avez approuvé. Importez l’annuaire qui les atteste, ou modifiez attested-from.</translation>
    </message>
    <message>
        <source>{what}, attested by {anchor} on {date}</source>
        <translation>{what}, attesté par {anchor} le {date}</translation>
    </message>
    <message>
        <source>{what}, self-declared</source>
        <translation>{what}, déclaré par l’intéressé</translation>
    </message>
    <message>
        <source>Designate as approver someone the directory lists with the role release-authority, or import the office&apos;s latest directory (cabledesk-cli directory import) if it attests them now.</source>
        <translation>Désignez comme approbateur une personne que l&apos;annuaire inscrit avec le rôle release-authority, ou importez le dernier annuaire du service (cabledesk-cli directory import) s&apos;il l&apos;atteste désormais.</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>This approval does not count: {problem} You trust a security office&apos;s directory, so only approvals by someone it attests with release authority count.</source>
        <translation>Cette approbation ne compte pas : {problem} Vous faites confiance à l&apos;annuaire d&apos;un service de sécurité : seules comptent les approbations de personnes qu&apos;il atteste avec l&apos;autorité de diffusion.</translation>
    </message>
    <message>
        <source>{name} ({fingerprint}) has no release authority: no directory you trust attests them with the role release-authority.</source>
        <translation>{name} ({fingerprint}) n&apos;a pas l&apos;autorité de diffusion : aucun annuaire auquel vous faites confiance ne l&apos;atteste avec le rôle release-authority.</translation>
    </message>
    <message>
        <source>{name} ({fingerprint}) has no release authority: the directory you trust attests them only as {roles}.</source>
        <translation>{name} ({fingerprint}) n&apos;a pas l&apos;autorité de diffusion : l&apos;annuaire auquel vous faites confiance ne l&apos;atteste qu&apos;en tant que {roles}.</translation>
    </message>
    <message>
        <source>{name} ({fingerprint}) has no release authority: their key was revoked {how}.</source>
        <translation>{name} ({fingerprint}) n&apos;a pas l&apos;autorité de diffusion : sa clé a été révoquée {how}.</translation>
    </message>
    <message>
        <source>{problem} You trust a security office&apos;s directory, so only an approver it attests with release authority can approve a cable.</source>
        <translation>{problem} Vous faites confiance à l&apos;annuaire d&apos;un service de sécurité : seul un approbateur qu&apos;il atteste avec l&apos;autorité de diffusion peut approuver un câble.</translation>
    </message>
    <message>
        <source>Attach the files that were cleared, or send the draft for clearance again with these attachments (cabledesk-cli clearance request … --attach).</source>
        <translation>Joignez les fichiers qui ont été visés, ou renvoyez le projet au visa avec ces pièces jointes (cabledesk-cli clearance request … --attach).</translation>
    </message>
    <message>
        <source>Give each file with --attach FILE (or remove it from the draft).</source>
        <translation>Donnez chaque fichier avec --attach FICHIER (ou retirez-le du projet).</translation>
    </message>
    <message>
        <source>The attachments are not those cleared and approved: {changes}. A clearance covers the attachments too, so this cable is no longer approved.</source>
        <translation>Les pièces jointes ne sont pas celles qui ont été visées et approuvées : {changes}. Un visa couvre aussi les pièces jointes : ce télégramme n&apos;est donc plus approuvé.</translation>
    </message>
    <message>
        <source>This draft lists attachments ({names}): a clearance request carries their files, so that the clearers read what they clear.</source>
        <translation>Ce projet mentionne des pièces jointes ({names}) : une demande de visa transporte leurs fichiers, afin que les viseurs lisent ce qu&apos;ils visent.</translation>
    </message>
    <message>
        <source>the attachments are in another order</source>
        <translation>les pièces jointes sont dans un autre ordre</translation>
    </message>
    <message>
        <source>{name} is described or marked otherwise</source>
        <translation>{name} est décrite ou marquée autrement</translation>
    </message>
    <message>
        <source>{name} is not the file cleared (its content changed)</source>
        <translation>{name} n&apos;est pas le fichier visé (son contenu a changé)</translation>
    </message>
    <message>
        <source>{name} was added</source>
        <translation>{name} a été ajoutée</translation>
    </message>
    <message>
        <source>{name} was removed</source>
        <translation>{name} a été retirée</translation>
    </message>
    <message>
        <source>{old} was renamed {new}</source>
        <translation>{old} a été renommée {new}</translation>
    </message>
    <message>
        <source>an approval of the current text by an approver you designated</source>
        <translation>une approbation du texte actuel par un approbateur que vous avez désigné</translation>
    </message>
    <message>
        <source>an approval of the current text by an approver you designated whom the directory you trust attests with release authority</source>
        <translation>une approbation du texte actuel par un approbateur que vous avez désigné et que l&apos;annuaire auquel vous faites confiance atteste avec l&apos;autorité de diffusion</translation>
    </message>
    <message>
        <source>{count} more approval(s) of the current text, by two different approvers other than the drafter</source>
        <translation>{count} approbation(s) de plus du texte actuel, par deux approbateurs différents autres que le rédacteur</translation>
    </message>
    <message>
        <source>{count} more approval(s) of the current text, by two different approvers other than the drafter whom the directory you trust attests with release authority</source>
        <translation>{count} approbation(s) de plus du texte actuel, par deux approbateurs différents autres que le rédacteur, que l&apos;annuaire auquel vous faites confiance atteste avec l&apos;autorité de diffusion</translation>
    </message>
    <message>
        <source>Seal the cable for its recipients instead, or export a sanitized version at {ceiling} or below (--level {ceiling}). Your security officer sets the ceiling.</source>
        <translation>Scellez plutôt le câble pour ses destinataires, ou exportez une version expurgée au niveau {ceiling} ou inférieur (--level {ceiling}). C’est votre officier de sécurité qui fixe ce plafond.</translation>
    </message>
    <message>
        <source>This cable is {banner}. CableDesk does not export cables above {ceiling} as unencrypted documents (the export ceiling of the {scheme} scheme).</source>
        <translation>Ce câble est {banner}. CableDesk n’exporte pas de câbles au-dessus de {ceiling} en documents non chiffrés (le plafond d’exportation du système {scheme}).</translation>
    </message>
    <message>
        <source>{file} already exists; CableDesk does not overwrite it.</source>
        <translation>{file} existe déjà ; CableDesk ne l’écrase pas.</translation>
    </message>
    <message>
        <source>Ask the person about it through another channel.</source>
        <translation>Interrogez la personne à ce sujet par un autre canal.</translation>
    </message>
    <message>
        <source>Ask the person for their new card and its statement together.</source>
        <translation>Demandez à la personne sa nouvelle fiche et sa déclaration ensemble.</translation>
    </message>
    <message>
        <source>Import the card without the statement and compare its safety number with {name} through another channel.</source>
        <translation>Importez la fiche sans la déclaration et comparez son numéro de sécurité avec {name} par un autre canal.</translation>
    </message>
    <message>
        <source>Import the card without the statement: it starts a new, unverified contact, whose safety number you compare with its owner.</source>
        <translation>Importez la fiche sans la déclaration&#xa0;: elle crée un nouveau contact non vérifié, dont vous comparez le numéro de sécurité avec son titulaire.</translation>
    </message>
    <message>
        <source>Someone may be replaying old files. Ask the person for their current card.</source>
        <translation>Quelqu’un rejoue peut-être d’anciens fichiers. Demandez à la personne sa fiche actuelle.</translation>
    </message>
    <message>
        <source>The key this statement replaces was replaced already, on {date}: an old key-rotation statement cannot be used again. Nothing was changed.</source>
        <translation>La clé que remplace cette déclaration a déjà été remplacée, le {date}&#xa0;: une ancienne déclaration de changement de clé ne peut pas resservir. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The new key of this key-rotation statement is already the key of your contact {name}: it cannot continue another contact. Nothing was changed.</source>
        <translation>La nouvelle clé de cette déclaration de changement de clé est déjà celle de votre contact {name}&#xa0;: elle ne peut pas poursuivre un autre contact. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The new key of this key-rotation statement was replaced already by a later rotation: an old statement cannot bring it back. Nothing was changed.</source>
        <translation>La nouvelle clé de cette déclaration de changement de clé a déjà été remplacée par un changement ultérieur&#xa0;: une ancienne déclaration ne peut pas la rétablir. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>This card&apos;s key is a previous key of {name}, replaced on {date} by a key rotation: an old card cannot come back. Nothing was changed.</source>
        <translation>La clé de cette fiche est une clé précédente de {name}, remplacée le {date} par un changement de clé&#xa0;: une ancienne fiche ne peut pas revenir. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>This key-rotation statement is about another card than this one: it was signed for other card bytes or another key. Nothing was changed.</source>
        <translation>Cette déclaration de changement de clé porte sur une autre fiche que celle-ci&#xa0;: elle a été signée pour d’autres octets de fiche ou une autre clé. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>This key-rotation statement is signed by {fingerprint}, which is not the key of any of your contacts: it cannot continue a contact. Nothing was changed.</source>
        <translation>Cette déclaration de changement de clé est signée par {fingerprint}, qui n’est la clé d’aucun de vos contacts&#xa0;: elle ne peut poursuivre aucun contact. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>{name}&apos;s key, which signed this key-rotation statement, is revoked ({why}): a revoked key cannot vouch for a new one. Nothing was changed.</source>
        <translation>La clé de {name}, qui a signé cette déclaration de changement de clé, est révoquée ({why})&#xa0;: une clé révoquée ne peut pas se porter garante d’une nouvelle. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Get a new key attested: make one with &apos;cabledesk-cli identity rotate -o NEW.contact&apos; and give the card to {anchor}, which attests it in its next directory.</source>
        <translation>Faites attester une nouvelle clé&#xa0;: créez-la avec « cabledesk-cli identity rotate -o NOUVELLE.contact » et remettez la fiche à {anchor}, qui l’attestera dans son prochain annuaire.</translation>
    </message>
    <message>
        <source>Your own key was revoked by {anchor} on {date} ({why}): CableDesk no longer seals with it, and your correspondents would not trust what it signs.</source>
        <translation>Votre propre clé a été révoquée par {anchor} le {date} ({why})&#xa0;: CableDesk ne scelle plus avec elle, et vos correspondants ne se fieraient pas à ce qu’elle signe.</translation>
    </message>
    <message>
        <source>Ask your security office to attest your key with the role release-authority, and import its latest directory; or clear the cable instead.</source>
        <translation>Demandez à votre bureau de sécurité d’attester votre clé avec le rôle release-authority, et importez son dernier annuaire ; ou visez le télégramme à la place.</translation>
    </message>
    <message>
        <source>{problem} The drafter&apos;s CableDesk would refuse your approval.</source>
        <translation>{problem} Le CableDesk du rédacteur refuserait votre approbation.</translation>
    </message>
    <message>
        <source>Already received on {when}; it is in your archive and was not stored again.</source>
        <translation>Déjà reçu le {when} ; il est dans vos archives et n’a pas été enregistré à nouveau.</translation>
    </message>
    <message>
        <source>It claims to have been sealed in the future ({when} UTC): the sender&apos;s clock may be wrong.</source>
        <translation>Il prétend avoir été scellé dans le futur ({when} UTC) : l’horloge de l’expéditeur est peut-être fausse.</translation>
    </message>
    <message>
        <source>It replaces the copy of this cable from the same signer received on {when}.</source>
        <translation>Il remplace l’exemplaire de ce télégramme du même signataire reçu le {when}.</translation>
    </message>
    <message>
        <source>It signs as &apos;{claimed}&apos;; your contact record names this key {label}. The name in a cable is only its sender&apos;s claim.</source>
        <translation>Il signe « {claimed} » ; votre fiche de contact nomme cette clé {label}. Le nom dans un télégramme n’est que ce que prétend son expéditeur.</translation>
    </message>
    <message>
        <source>Its marking could not be checked against its text: this CableDesk does not know the classification scheme {scheme}.</source>
        <translation>Son marquage n’a pas pu être vérifié d’après son texte : ce CableDesk ne connaît pas le référentiel de classification {scheme}.</translation>
    </message>
    <message>
        <source>Not archived: your archive already holds a cable with this id, received on {when} from {who}. A cable signed by someone else never replaces it.</source>
        <translation>Non archivé : vos archives contiennent déjà un télégramme de cet identifiant, reçu le {when} de {who}. Un télégramme signé par quelqu’un d’autre ne le remplace jamais.</translation>
    </message>
    <message>
        <source>The cable&apos;s list of attachments differs from the files sealed with it.</source>
        <translation>La liste des pièces jointes du télégramme diffère des fichiers scellés avec lui.</translation>
    </message>
    <message>
        <source>The document in this package (cable.docx) was not checked against the cable: it was made by another version of CableDesk. Use the cable&apos;s text.</source>
        <translation>Le document de ce paquet (cable.docx) n’a pas été vérifié d’après le télégramme : il a été produit par une autre version de CableDesk. Utilisez le texte du télégramme.</translation>
    </message>
    <message>
        <source>The sender&apos;s key has expired since ({date}).</source>
        <translation>La clé de l’expéditeur a expiré depuis ({date}).</translation>
    </message>
    <message>
        <source>This copy was encrypted to {copies} keys, while the sender sealed it for {sealed}: it was re-encrypted after sealing.</source>
        <translation>Cet exemplaire a été chiffré pour {copies} clés, alors que l’expéditeur l’a scellé pour {sealed} : il a été rechiffré après le scellement.</translation>
    </message>
    <message>
        <source>Your archive keeps this cable as you sealed it on {when}; this copy was not stored again.</source>
        <translation>Vos archives conservent ce télégramme tel que vous l’avez scellé le {when} ; cet exemplaire n’a pas été enregistré à nouveau.</translation>
    </message>
    <message>
        <source>another signer</source>
        <translation>un autre signataire</translation>
    </message>
    <message>
        <source>{name} (key {fingerprint})</source>
        <translation>{name} (clé {fingerprint})</translation>
    </message>
    <message>
        <source>{name}&apos;s key, which signed this key-rotation statement, expired on {date}: an expired key may be in other hands, and cannot vouch for a new one. Nothing was changed.</source>
        <translation>La clé de {name}, qui a signé cette déclaration de changement de clé, a expiré le {date} : une clé expirée peut être entre d’autres mains et ne peut pas garantir une nouvelle clé. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>{written} is read as {current}. {note}</source>
        <translation>{written} est lu comme {current}. {note}</translation>
    </message>
    <message>
        <source>{caption} is not a caption of the {scheme} scheme; use one of: {allowed}.</source>
        <translation>{caption} n’est pas une mention de diffusion du référentiel {scheme}&#xa0;; utilisez l’une de celles-ci&#xa0;: {allowed}.</translation>
    </message>
    <message>
        <source>{message} {hint}</source>
        <translation>{message} {hint}</translation>
    </message>
    <message>
        <source>A NIACT IMMEDIATE cable must justify the night action (say why the addressee must be woken) in paragraph 1; when paragraph 1 is the summary, in the summary or in the first paragraph after END SUMMARY.</source>
        <translation>Un télégramme NIACT IMMEDIATE doit justifier l’action de nuit (dire pourquoi réveiller le destinataire) au paragraphe 1&#xa0;; si le paragraphe 1 est le résumé, dans le résumé ou dans le premier paragraphe après END SUMMARY.</translation>
    </message>
    <message>
        <source>A cable of more than three pages needs a summary: begin paragraph 1 with &apos;SUMMARY:&apos; and end it with &apos;END SUMMARY.&apos; On a NIACT IMMEDIATE cable, the night-action justification may then be in the summary or in the first paragraph after it.</source>
        <translation>Un télégramme de plus de trois pages exige un résumé&#xa0;: commencez le paragraphe 1 par &apos;SUMMARY:&apos; et terminez-le par &apos;END SUMMARY.&apos; Sur un télégramme NIACT IMMEDIATE, la justification de l’action de nuit peut alors figurer dans le résumé ou dans le premier paragraphe qui le suit.</translation>
    </message>
    <message>
        <source>Very weak: it would be guessed almost at once.</source>
        <translation>Très faible&#xa0;: elle serait devinée presque aussitôt.</translation>
    </message>
    <message>
        <source>Weak: a common password or pattern, quickly guessed.</source>
        <translation>Faible&#xa0;: un mot de passe ou un motif courant, vite deviné.</translation>
    </message>
    <message>
        <source>Fair, but far too easy to guess for what it protects.</source>
        <translation>Moyenne, mais bien trop facile à deviner pour ce qu’elle protège.</translation>
    </message>
    <message>
        <source>Nearly strong enough: add another word.</source>
        <translation>Presque assez robuste&#xa0;: ajoutez un mot.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Robuste.</translation>
    </message>
    <message>
        <source>Use four or more unrelated words; names, dates, places and well-known phrases are easy to guess.</source>
        <translation>Utilisez au moins quatre mots sans rapport entre eux&#xa0;; les noms, dates, lieux et phrases connues sont faciles à deviner.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. {strength}</source>
        <translation>Cette phrase de passe est trop facile à deviner. {strength}</translation>
    </message>
    <message>
        <source>There is no setting called {key}.</source>
        <translation>Il n’existe pas de paramètre nommé {key}.</translation>
    </message>
    <message>
        <source>Settings: {keys}.</source>
        <translation>Paramètres&#xa0;: {keys}.</translation>
    </message>
    <message>
        <source>{key} cannot be {value}.</source>
        <translation>{key} ne peut pas valoir {value}.</translation>
    </message>
    <message>
        <source>{key} takes {accepted}.</source>
        <translation>{key} accepte {accepted}.</translation>
    </message>
    <message>
        <source>a number of minutes from 0 to 1440, or off</source>
        <translation>un nombre de minutes de 0 à 1440, ou off</translation>
    </message>
    <message>
        <source>on or off</source>
        <translation>on ou off</translation>
    </message>
    <message>
        <source>the id of a classification scheme, such as us or uk</source>
        <translation>l’identifiant d’un référentiel de classification, par exemple us ou uk</translation>
    </message>
    <message>
        <source>a4 or letter</source>
        <translation>a4 ou letter</translation>
    </message>
    <message>
        <source>a level of your scheme, off, or default</source>
        <translation>un niveau de votre référentiel, off ou default</translation>
    </message>
    <message>
        <source>system, en or fr</source>
        <translation>system, en ou fr</translation>
    </message>
    <message>
        <source>a number of versions from 1 to 1000</source>
        <translation>un nombre de versions de 1 à 1000</translation>
    </message>
    <message>
        <source>a number of seconds from 5 to 600</source>
        <translation>un nombre de secondes de 5 à 600</translation>
    </message>
    <message>
        <source>The export ceiling {value} is not a level, &apos;off&apos;, or of the form &apos;us=SECRET, uk=OFFICIAL&apos;.</source>
        <translation>Le plafond d’exportation {value} n’est ni un niveau, ni &apos;off&apos;, ni de la forme &apos;us=SECRET, uk=OFFICIAL&apos;.</translation>
    </message>
    <message>
        <source>Give a level of your scheme, such as CONFIDENTIAL, or &apos;off&apos;.</source>
        <translation>Indiquez un niveau de votre référentiel, par exemple CONFIDENTIAL, ou &apos;off&apos;.</translation>
    </message>
    <message>
        <source>A country appears twice after FGI in {marking}.</source>
        <translation>Un pays figure deux fois après FGI dans {marking}.</translation>
    </message>
    <message>
        <source>Foreign levels: {levels}.</source>
        <translation>Niveaux étrangers : {levels}.</translation>
    </message>
    <message>
        <source>Mark the portion in the {scheme} scheme.</source>
        <translation>Marquez le paragraphe dans le référentiel {scheme}.</translation>
    </message>
    <message>
        <source>The {scheme} scheme has no marks for foreign government information ({marking}).</source>
        <translation>Le référentiel {scheme} n’a pas de marques pour les informations de gouvernements étrangers ({marking}).</translation>
    </message>
    <message>
        <source>Write FGI and the originators&apos; codes, e.g. FGI DEU GBR.</source>
        <translation>Écrivez FGI suivi des codes des émetteurs, p. ex. FGI DEU GBR.</translation>
    </message>
    <message>
        <source>{code} after FGI in {marking} is not a foreign country or organisation.</source>
        <translation>{code} après FGI dans {marking} n’est ni un pays étranger ni une organisation.</translation>
    </message>
    <message>
        <source>{control} lists only those beyond {country}&apos;s members; remove {country}.</source>
        <translation>{control} ne nomme que ceux qui s’ajoutent aux membres de {country} ; retirez {country}.</translation>
    </message>
    <message>
        <source>{reason}, and {problem}.</source>
        <translation>{reason}, et {problem}.</translation>
    </message>
    <message>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <source>{refusal}: foreign government information goes only to {holder} nationals and back to its originators ({originators}) unless they release it further</source>
        <translation>{refusal} : une information d’un gouvernement étranger ne va qu’aux ressortissants {holder} et à ses émetteurs ({originators}), sauf s’ils la rendent communicable au-delà</translation>
    </message>
    <message>
        <source>{refusal}: foreign government information of a concealed source goes only to {holder} nationals</source>
        <translation>{refusal} : une information d’un gouvernement étranger de source non divulguée ne va qu’aux ressortissants {holder}</translation>
    </message>
    <message>
        <source>{refusal}: it is {control} information, and no {control} briefing is on record for them.</source>
        <translation>{refusal} : c’est une information {control}, et aucune habilitation spéciale {control} n’est enregistrée pour cette personne.</translation>
    </message>
    <message>
        <source>{token} is not a foreign classification: write the originator&apos;s code and its level, e.g. //GBR S.</source>
        <translation>{token} n’est pas une classification étrangère : écrivez le code de l’émetteur et son niveau, p. ex. //GBR S.</translation>
    </message>
    <message>
        <source>{control} names only those beyond the members of {country}: remove {codes}.</source>
        <translation>{control} ne nomme que ceux qui s’ajoutent aux membres de {country} : retirez {codes}.</translation>
    </message>
    <message>
        <source>Nothing in this cable can be released at {level}: every paragraph is above that level or restricted.</source>
        <translation>Rien dans ce télégramme ne peut être communiqué au niveau {level} : chaque paragraphe est au-dessus de ce niveau ou restreint.</translation>
    </message>
    <message>
        <source>Nothing in this cable can be released at {level} to {countries}: every paragraph is above that level or restricted.</source>
        <translation>Rien dans ce télégramme ne peut être communiqué au niveau {level} à {countries} : chaque paragraphe est au-dessus de ce niveau ou restreint.</translation>
    </message>
    <message>
        <source>Choose a higher level, or write a releasable paragraph first.</source>
        <translation>Choisissez un niveau plus élevé, ou rédigez d’abord un paragraphe communicable.</translation>
    </message>
    <message>
        <source>The subject of this cable may not be released at this level.</source>
        <translation>L’objet de ce télégramme ne peut pas être communiqué à ce niveau.</translation>
    </message>
    <message>
        <source>Withhold it, or give a releasable subject instead.</source>
        <translation>Retenez-le, ou donnez à la place un objet communicable.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Wrong passphrase</source>
        <translation>Phrase de passe incorrecte</translation>
    </message>
    <message>
        <source>The vault is locked</source>
        <translation>Le coffre est verrouillé</translation>
    </message>
    <message>
        <source>Keychain not available</source>
        <translation>Trousseau indisponible</translation>
    </message>
    <message>
        <source>Not addressed to you</source>
        <translation>Ne vous est pas adressé</translation>
    </message>
    <message>
        <source>Signature not valid</source>
        <translation>Signature non valide</translation>
    </message>
    <message>
        <source>Not allowed by the release policy</source>
        <translation>Refusé par la politique de diffusion</translation>
    </message>
    <message>
        <source>CableDesk could not do this</source>
        <translation>CableDesk n’a pas pu effectuer cette opération</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>L’opération a été annulée.</translation>
    </message>
    <message>
        <source>This is a bug in CableDesk</source>
        <translation>C’est un défaut de CableDesk</translation>
    </message>
    <message>
        <source>Something went wrong inside CableDesk ({0}): a bug, not something you did. Your vault is not affected.</source>
        <translation>Un problème est survenu dans CableDesk ({0})&#xa0;: un défaut, et non une erreur de votre part. Votre coffre n’est pas touché.</translation>
    </message>
    <message>
        <source>Copy the bug report and send it to your IT department.</source>
        <translation>Copiez le rapport de défaut et envoyez-le à votre support informatique.</translation>
    </message>
    <message>
        <source>Choose another name, or remove the existing file first.</source>
        <translation>Choisissez un autre nom, ou supprimez d’abord le fichier existant.</translation>
    </message>
    <message>
        <source>Check that you chose the right key, or ask the sender to encrypt it to you.</source>
        <translation>Vérifiez que vous avez choisi la bonne clé, ou demandez à l’expéditeur de le chiffrer pour vous.</translation>
    </message>
    <message>
        <source>This file is not a valid age-encrypted file: a passphrase stanza must be alone.</source>
        <translation>Ce fichier n’est pas un fichier chiffré age valide&#xa0;: un bloc «&#xa0;phrase de passe&#xa0;» doit être seul.</translation>
    </message>
    <message>
        <source>It may be damaged or crafted.</source>
        <translation>Il est peut-être endommagé ou fabriqué à dessein.</translation>
    </message>
    <message>
        <source>This file is not a valid age-encrypted file: bad file key size.</source>
        <translation>Ce fichier n’est pas un fichier chiffré age valide&#xa0;: taille de clé de fichier incorrecte.</translation>
    </message>
    <message>
        <source>This file&apos;s header was altered after it was encrypted.</source>
        <translation>L’en-tête de ce fichier a été modifié après son chiffrement.</translation>
    </message>
    <message>
        <source>Do not trust it; ask the sender for a fresh copy.</source>
        <translation>Ne vous y fiez pas&#xa0;; demandez un nouvel exemplaire à l’expéditeur.</translation>
    </message>
    <message>
        <source>This file is not a valid age-encrypted file: it ends right after its header.</source>
        <translation>Ce fichier n’est pas un fichier chiffré age valide&#xa0;: il s’arrête juste après son en-tête.</translation>
    </message>
    <message>
        <source>It was probably cut short in transit.</source>
        <translation>Il a probablement été tronqué pendant sa transmission.</translation>
    </message>
    <message>
        <source>It may be damaged, truncated, or not an encrypted file at all.</source>
        <translation>Il est peut-être endommagé, tronqué, ou n’est pas du tout un fichier chiffré.</translation>
    </message>
    <message>
        <source>This file was encrypted with a version of age that CableDesk does not know.</source>
        <translation>Ce fichier a été chiffré avec une version d’age que CableDesk ne connaît pas.</translation>
    </message>
    <message>
        <source>Ask the sender to use age v1, or open it with a newer tool.</source>
        <translation>Demandez à l’expéditeur d’utiliser age v1, ou ouvrez-le avec un outil plus récent.</translation>
    </message>
    <message>
        <source>Ask the sender for a fresh copy; do not trust any part of this file.</source>
        <translation>Demandez un nouvel exemplaire à l’expéditeur&#xa0;; ne vous fiez à aucune partie de ce fichier.</translation>
    </message>
    <message>
        <source>This sealed cable carries no signature: its manifest or its signature (manifest.sig) was removed, so nothing says who sent it or that it is intact.</source>
        <translation>Ce télégramme scellé ne porte aucune signature : son manifeste ou sa signature (manifest.sig) a été retiré ; rien ne dit donc qui l’a envoyé ni qu’il est intact.</translation>
    </message>
    <message>
        <source>It may have been changed in transit (e.g. by a mail program); ask for the file as an attachment.</source>
        <translation>Il a peut-être été modifié pendant sa transmission (p. ex. par un logiciel de messagerie)&#xa0;; demandez le fichier en pièce jointe.</translation>
    </message>
    <message>
        <source>Ask the sender to encrypt it again with the standard settings.</source>
        <translation>Demandez à l’expéditeur de le chiffrer de nouveau avec les paramètres standard.</translation>
    </message>
    <message>
        <source>This contact card is far too large to be one.</source>
        <translation>Ce fichier est bien trop volumineux pour être une carte de contact.</translation>
    </message>
    <message>
        <source>Ask the person for their current card.</source>
        <translation>Demandez à la personne sa carte actuelle.</translation>
    </message>
    <message>
        <source>Do not import it; ask the person for their card again.</source>
        <translation>Ne l’importez pas&#xa0;; demandez de nouveau sa carte à la personne.</translation>
    </message>
    <message>
        <source>This is not an OpenSSH Ed25519 public key.</source>
        <translation>Ce n’est pas une clé publique OpenSSH Ed25519.</translation>
    </message>
    <message>
        <source>It should be one line starting with ssh-ed25519 (from a .pub file).</source>
        <translation>Elle doit tenir sur une ligne commençant par ssh-ed25519 (issue d’un fichier .pub).</translation>
    </message>
    <message>
        <source>This OpenSSH private key is not an Ed25519 key.</source>
        <translation>Cette clé privée OpenSSH n’est pas une clé Ed25519.</translation>
    </message>
    <message>
        <source>This OpenSSH Ed25519 public key is damaged.</source>
        <translation>Cette clé publique OpenSSH Ed25519 est endommagée.</translation>
    </message>
    <message>
        <source>Copy the whole .pub line again.</source>
        <translation>Copiez de nouveau la ligne .pub en entier.</translation>
    </message>
    <message>
        <source>This is not an unencrypted OpenSSH private key.</source>
        <translation>Ce n’est pas une clé privée OpenSSH non chiffrée.</translation>
    </message>
    <message>
        <source>This OpenSSH private key is of a kind CableDesk cannot read (it reads unencrypted Ed25519 keys).</source>
        <translation>Cette clé privée OpenSSH est d’un type que CableDesk ne sait pas lire (il lit les clés Ed25519 non chiffrées).</translation>
    </message>
    <message>
        <source>A signature made for one purpose must not be accepted for another.</source>
        <translation>Une signature faite pour un usage ne doit pas être acceptée pour un autre.</translation>
    </message>
    <message>
        <source>Check who really signed it before trusting it.</source>
        <translation>Vérifiez qui l’a réellement signé avant de vous y fier.</translation>
    </message>
    <message>
        <source>Check that the file is complete and the medium is readable.</source>
        <translation>Vérifiez que le fichier est complet et que le support est lisible.</translation>
    </message>
    <message>
        <source>The data was changed after it was signed (or the signature is forged).</source>
        <translation>Les données ont été modifiées après leur signature (ou la signature est falsifiée).</translation>
    </message>
    <message>
        <source>Do not trust this content; ask the sender for a fresh copy.</source>
        <translation>Ne vous fiez pas à ce contenu&#xa0;; demandez un nouvel exemplaire à l’expéditeur.</translation>
    </message>
    <message>
        <source>Fix the file; the format is described in resources/schemes/README.md.</source>
        <translation>Corrigez le fichier&#xa0;; son format est décrit dans resources/schemes/README.md.</translation>
    </message>
    <message>
        <source>Attachments travel beside the cable, not inside its JSON.</source>
        <translation>Les pièces jointes accompagnent le télégramme&#xa0;; elles ne figurent pas dans son JSON.</translation>
    </message>
    <message>
        <source>Open a cable saved by CableDesk, or create one with &apos;cabledesk-cli draft new&apos;.</source>
        <translation>Ouvrez un télégramme enregistré par CableDesk, ou créez-en un avec «&#xa0;cabledesk-cli draft new&#xa0;».</translation>
    </message>
    <message>
        <source>Open it with a newer version of CableDesk.</source>
        <translation>Ouvrez-le avec une version plus récente de CableDesk.</translation>
    </message>
    <message>
        <source>A FRUS record has no &apos;id&apos;.</source>
        <translation>Un enregistrement FRUS n’a pas de champ «&#xa0;id&#xa0;».</translation>
    </message>
    <message>
        <source>The file must hold one JSON object per line.</source>
        <translation>Le fichier doit contenir un objet JSON par ligne.</translation>
    </message>
    <message>
        <source>Write it in Zulu time, e.g. 151230Z MAR 24 or 2024-03-15T12:30Z.</source>
        <translation>Écrivez-le en heure Zulu (UTC), p. ex. 151230Z MAR 24 ou 2024-03-15T12:30Z.</translation>
    </message>
    <message>
        <source>An addressee is empty.</source>
        <translation>Un destinataire est vide.</translation>
    </message>
    <message>
        <source>Write a post, e.g. AMEMBASSY PARIS.</source>
        <translation>Indiquez un poste, p. ex. AMEMBASSY PARIS.</translation>
    </message>
    <message>
        <source>No classification reason given.</source>
        <translation>Aucun motif de classification n’est indiqué.</translation>
    </message>
    <message>
        <source>For example: 1.4(b),(d).</source>
        <translation>Par exemple&#xa0;: 1.4(b),(d).</translation>
    </message>
    <message>
        <source>Write reasons as E.O. 13526 section 1.4 letters, e.g. 1.4(b),(d).</source>
        <translation>Indiquez les motifs par les lettres de la section 1.4 de l’E.O. 13526, p. ex. 1.4(b),(d).</translation>
    </message>
    <message>
        <source>Write it as YYYY-MM-DD.</source>
        <translation>Écrivez-la sous la forme AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>The marking is empty.</source>
        <translation>Le marquage est vide.</translation>
    </message>
    <message>
        <source>Write portion marks like (S//NF).</source>
        <translation>Écrivez les marques de paragraphe sous la forme (S//NF).</translation>
    </message>
    <message>
        <source>Remove the extra &apos;//&apos;.</source>
        <translation>Supprimez le «&#xa0;//&#xa0;» en trop.</translation>
    </message>
    <message>
        <source>Remove the extra &apos;/&apos;.</source>
        <translation>Supprimez le «&#xa0;/&#xa0;» en trop.</translation>
    </message>
    <message>
        <source>Separate country codes with a comma and a space.</source>
        <translation>Séparez les codes pays par une virgule suivie d’un espace.</translation>
    </message>
    <message>
        <source>Write each control once.</source>
        <translation>N’indiquez chaque mention de contrôle qu’une seule fois.</translation>
    </message>
    <message>
        <source>Mark every portion of a cable in the cable&apos;s own scheme.</source>
        <translation>Marquez chaque paragraphe d’un télégramme dans le référentiel de ce télégramme.</translation>
    </message>
    <message>
        <source>Choose a higher level, or write a releasable paragraph first.</source>
        <translation>Choisissez un niveau plus élevé, ou rédigez d’abord un paragraphe communicable.</translation>
    </message>
    <message>
        <source>Fix the line named above; the format is in resources/schemes/README.md.</source>
        <translation>Corrigez la ligne indiquée ci-dessus&#xa0;; le format est décrit dans resources/schemes/README.md.</translation>
    </message>
    <message>
        <source>Give each scheme file its own id.</source>
        <translation>Donnez à chaque fichier de référentiel son propre identifiant.</translation>
    </message>
    <message>
        <source>Fix the file; its format is described at its top.</source>
        <translation>Corrigez le fichier&#xa0;; son format est décrit en tête du fichier.</translation>
    </message>
    <message>
        <source>Update CableDesk to check it.</source>
        <translation>Mettez à jour CableDesk pour le vérifier.</translation>
    </message>
    <message>
        <source>LibreOffice did not write a PDF file.</source>
        <translation>LibreOffice n’a pas écrit de fichier PDF.</translation>
    </message>
    <message>
        <source>The PDF written by LibreOffice carries metadata CableDesk cannot clean.</source>
        <translation>Le PDF écrit par LibreOffice contient des métadonnées que CableDesk ne sait pas nettoyer.</translation>
    </message>
    <message>
        <source>The PDF written by LibreOffice has no identifier.</source>
        <translation>Le PDF écrit par LibreOffice n’a pas d’identifiant.</translation>
    </message>
    <message>
        <source>The PDF&apos;s identifier is unexpectedly long.</source>
        <translation>L’identifiant du PDF est anormalement long.</translation>
    </message>
    <message>
        <source>PDF export needs LibreOffice, which is not installed on this computer.</source>
        <translation>L’export PDF nécessite LibreOffice, qui n’est pas installé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Try again; if it persists, export a .docx instead.</source>
        <translation>Réessayez&#xa0;; si le problème persiste, exportez plutôt un .docx.</translation>
    </message>
    <message>
        <source>LibreOffice wrote an unexpectedly large PDF.</source>
        <translation>LibreOffice a écrit un PDF anormalement volumineux.</translation>
    </message>
    <message>
        <source>LibreOffice did not produce a PDF.</source>
        <translation>LibreOffice n’a pas produit de PDF.</translation>
    </message>
    <message>
        <source>Check that LibreOffice Writer is installed completely.</source>
        <translation>Vérifiez que LibreOffice Writer est complètement installé.</translation>
    </message>
    <message>
        <source>Ask the sender for it again.</source>
        <translation>Demandez-la de nouveau à l’expéditeur.</translation>
    </message>
    <message>
        <source>Ask the sender for the .sig file or the .zip bundle; an unsigned document cannot be checked.</source>
        <translation>Demandez à l’expéditeur le fichier .sig ou le paquet .zip&#xa0;; un document non signé ne peut pas être vérifié.</translation>
    </message>
    <message>
        <source>Copy or download it again, completely.</source>
        <translation>Copiez-le ou téléchargez-le de nouveau, en entier.</translation>
    </message>
    <message>
        <source>This package&apos;s manifest has no format field.</source>
        <translation>Le manifeste de ce paquet n’a pas de champ format.</translation>
    </message>
    <message>
        <source>In this manifest, the field recipients is empty.</source>
        <translation>Dans ce manifeste, le champ recipients est vide.</translation>
    </message>
    <message>
        <source>Ask the sender for a fresh copy.</source>
        <translation>Demandez un nouvel exemplaire à l’expéditeur.</translation>
    </message>
    <message>
        <source>It was not made by CableDesk or as docs/FORMAT.md describes.</source>
        <translation>Il n’a été produit ni par CableDesk ni selon docs/FORMAT.md.</translation>
    </message>
    <message>
        <source>Create a new identity and send your new contact card to your correspondents.</source>
        <translation>Créez une nouvelle identité et envoyez votre nouvelle carte de contact à vos correspondants.</translation>
    </message>
    <message>
        <source>Put the files in an archive of their own and attach that.</source>
        <translation>Placez ces fichiers dans une archive distincte et joignez celle-ci.</translation>
    </message>
    <message>
        <source>Attach files only.</source>
        <translation>Ne joignez que des fichiers.</translation>
    </message>
    <message>
        <source>Rename one of them before sealing.</source>
        <translation>Renommez l’un d’eux avant de sceller.</translation>
    </message>
    <message>
        <source>Send the largest files separately.</source>
        <translation>Envoyez séparément les fichiers les plus volumineux.</translation>
    </message>
    <message>
        <source>Close any program that is writing it, then seal again.</source>
        <translation>Fermez tout programme qui l’écrit, puis scellez de nouveau.</translation>
    </message>
    <message>
        <source>Extract into an empty folder, or move the existing file away first.</source>
        <translation>Extrayez dans un dossier vide, ou déplacez d’abord le fichier existant.</translation>
    </message>
    <message>
        <source>Choose an existing folder.</source>
        <translation>Choisissez un dossier existant.</translation>
    </message>
    <message>
        <source>This file opens with your key, but it does not hold a sealed cable.</source>
        <translation>Ce fichier s’ouvre avec votre clé, mais il ne contient pas de télégramme scellé.</translation>
    </message>
    <message>
        <source>It may be another kind of age-encrypted file: open it with &apos;cabledesk-cli decrypt&apos; or the age tool.</source>
        <translation>Il s’agit peut-être d’un autre type de fichier chiffré avec age&#xa0;: ouvrez-le avec «&#xa0;cabledesk-cli decrypt&#xa0;» ou l’outil age.</translation>
    </message>
    <message>
        <source>Ask the sender to seal it again with CableDesk, or as docs/FORMAT.md describes.</source>
        <translation>Demandez à l’expéditeur de le sceller de nouveau avec CableDesk, ou selon docs/FORMAT.md.</translation>
    </message>
    <message>
        <source>Correct its portion marks first (&apos;cabledesk-cli draft lint&apos;).</source>
        <translation>Corrigez d’abord ses marques de paragraphe («&#xa0;cabledesk-cli draft lint&#xa0;»).</translation>
    </message>
    <message>
        <source>Choose another folder with --home, or move the existing vault away.</source>
        <translation>Choisissez un autre dossier avec --home, ou déplacez le coffre existant.</translation>
    </message>
    <message>
        <source>A newer CableDesk may read it.</source>
        <translation>Une version plus récente de CableDesk pourra peut-être la lire.</translation>
    </message>
    <message>
        <source>This is your own contact card.</source>
        <translation>C’est votre propre carte de contact.</translation>
    </message>
    <message>
        <source>Send it to others instead.</source>
        <translation>Envoyez-la plutôt à vos correspondants.</translation>
    </message>
    <message>
        <source>A contact needs a name.</source>
        <translation>Un contact doit avoir un nom.</translation>
    </message>
    <message>
        <source>See &apos;cabledesk-cli contact list&apos;.</source>
        <translation>Voir «&#xa0;cabledesk-cli contact list&#xa0;».</translation>
    </message>
    <message>
        <source>Give more of the fingerprint.</source>
        <translation>Indiquez une plus grande partie de l’empreinte.</translation>
    </message>
    <message>
        <source>Import their new contact card.</source>
        <translation>Importez sa nouvelle carte de contact.</translation>
    </message>
    <message>
        <source>A reason or declassification instruction was given without &apos;classified by&apos;.</source>
        <translation>Un motif ou une instruction de déclassification est indiqué sans «&#xa0;classifié par&#xa0;».</translation>
    </message>
    <message>
        <source>Name the classifier too (--classified-by).</source>
        <translation>Indiquez aussi l’autorité de classification (--classified-by).</translation>
    </message>
    <message>
        <source>Give the reason for lowering it; it is recorded in the audit log.</source>
        <translation>Indiquez le motif de l’abaissement&#xa0;; il est consigné dans le journal d’audit.</translation>
    </message>
    <message>
        <source>Name the document .docx or .pdf.</source>
        <translation>Donnez au document l’extension .docx ou .pdf.</translation>
    </message>
    <message>
        <source>Fix them first (&apos;cabledesk-cli draft lint&apos; lists them all).</source>
        <translation>Corrigez-les d’abord («&#xa0;cabledesk-cli draft lint&#xa0;» les liste toutes).</translation>
    </message>
    <message>
        <source>Choose another name, or allow overwriting (--force).</source>
        <translation>Choisissez un autre nom, ou autorisez le remplacement (--force).</translation>
    </message>
    <message>
        <source>For example USA, FRA, DEU, GBR.</source>
        <translation>Par exemple USA, FRA, DEU, GBR.</translation>
    </message>
    <message>
        <source>Your identity needs a name.</source>
        <translation>Votre identité doit avoir un nom.</translation>
    </message>
    <message>
        <source>This cable carries no contact card of its sender.</source>
        <translation>Ce télégramme ne contient pas la carte de contact de son expéditeur.</translation>
    </message>
    <message>
        <source>Fix the errors listed in the findings first.</source>
        <translation>Corrigez d’abord les erreurs signalées dans les constats.</translation>
    </message>
    <message>
        <source>Choose at least one recipient to seal the cable for.</source>
        <translation>Choisissez au moins un destinataire pour lequel sceller le télégramme.</translation>
    </message>
    <message>
        <source>Give at least four characters of the cable&apos;s id.</source>
        <translation>Indiquez au moins quatre caractères de l’identifiant du télégramme.</translation>
    </message>
    <message>
        <source>Give the path of a CABLE.json file, or see &apos;cabledesk-cli search&apos;.</source>
        <translation>Indiquez le chemin d’un fichier CABLE.json, ou consultez «&#xa0;cabledesk-cli search&#xa0;».</translation>
    </message>
    <message>
        <source>Remove it and search again.</source>
        <translation>Retirez-le et relancez la recherche.</translation>
    </message>
    <message>
        <source>This search is too long.</source>
        <translation>Cette recherche est trop longue.</translation>
    </message>
    <message>
        <source>Use fewer words.</source>
        <translation>Utilisez moins de mots.</translation>
    </message>
    <message>
        <source>Type it again, or set the terminal to UTF-8.</source>
        <translation>Saisissez-la de nouveau, ou réglez le terminal en UTF-8.</translation>
    </message>
    <message>
        <source>Fields: subject, body, tags, to, ref.</source>
        <translation>Champs&#xa0;: subject, body, tags, to, ref.</translation>
    </message>
    <message>
        <source>Install the newer CableDesk to open it.</source>
        <translation>Installez la version plus récente de CableDesk pour l’ouvrir.</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Un groupe doit avoir un nom.</translation>
    </message>
    <message>
        <source>The keychain may remember an older vault: unlock with your passphrase.</source>
        <translation>Le trousseau garde peut-être en mémoire un ancien coffre&#xa0;: déverrouillez avec votre phrase de passe.</translation>
    </message>
    <message>
        <source>The vault is busy in another CableDesk window or command.</source>
        <translation>Le coffre est occupé par une autre fenêtre ou commande CableDesk.</translation>
    </message>
    <message>
        <source>Wait for it to finish, or close it, and try again.</source>
        <translation>Attendez qu’elle se termine, ou fermez-la, puis réessayez.</translation>
    </message>
    <message>
        <source>Free some disk space.</source>
        <translation>Libérez de l’espace disque.</translation>
    </message>
    <message>
        <source>A stored cable is damaged and cannot be read.</source>
        <translation>Un télégramme enregistré est endommagé et ne peut pas être lu.</translation>
    </message>
    <message>
        <source>This vault has no identity yet.</source>
        <translation>Ce coffre n’a pas encore d’identité.</translation>
    </message>
    <message>
        <source>Create one with &apos;cabledesk-cli init&apos; or the first-run assistant.</source>
        <translation>Créez-en une avec «&#xa0;cabledesk-cli init&#xa0;» ou l’assistant de premier démarrage.</translation>
    </message>
    <message>
        <source>This identity is already in the vault.</source>
        <translation>Cette identité figure déjà dans le coffre.</translation>
    </message>
    <message>
        <source>Unlock the keychain (it may be locked), or use your passphrase.</source>
        <translation>Déverrouillez le trousseau (il est peut-être verrouillé), ou utilisez votre phrase de passe.</translation>
    </message>
    <message>
        <source>The passphrase is wrong.</source>
        <translation>La phrase de passe est incorrecte.</translation>
    </message>
    <message>
        <source>Check the keyboard layout and Caps Lock.</source>
        <translation>Vérifiez la disposition du clavier et la touche Verr. Maj (Caps Lock).</translation>
    </message>
    <message>
        <source>This search could not be understood.</source>
        <translation>Cette recherche n’a pas pu être comprise.</translation>
    </message>
    <message>
        <source>Unlock it, or choose another folder with --home.</source>
        <translation>Déverrouillez-le, ou choisissez un autre dossier avec --home.</translation>
    </message>
    <message>
        <source>Restore the vault from a backup.</source>
        <translation>Restaurez le coffre à partir d’une sauvegarde.</translation>
    </message>
    <message>
        <source>The vault key file does not belong to this vault database.</source>
        <translation>Le fichier de clé du coffre n’appartient pas à cette base de données de coffre.</translation>
    </message>
    <message>
        <source>Put back the vault.key that was made with this vault.db.</source>
        <translation>Remettez en place le fichier vault.key créé avec ce vault.db.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Le coffre est verrouillé.</translation>
    </message>
    <message>
        <source>Unlock it with your passphrase.</source>
        <translation>Déverrouillez-le avec votre phrase de passe.</translation>
    </message>
    <message>
        <source>This file is protected by a passphrase.</source>
        <translation>Ce fichier est protégé par une phrase de passe.</translation>
    </message>
    <message>
        <source>The output would replace the file being read.</source>
        <translation>Le fichier de sortie remplacerait le fichier en cours de lecture.</translation>
    </message>
    <message>
        <source>Choose another name.</source>
        <translation>Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The signature file may be damaged or be something else; ask for it again.</source>
        <translation>Le fichier de signature est peut-être endommagé ou d’une autre nature&#xa0;; demandez-le de nouveau.</translation>
    </message>
    <message>
        <source>A CableDesk bundle is the .zip written by &apos;export --bundle&apos;.</source>
        <translation>Un paquet CableDesk est le .zip écrit par «&#xa0;export --bundle&#xa0;».</translation>
    </message>
    <message>
        <source>Ask the sender for the bundle again.</source>
        <translation>Demandez de nouveau le paquet à l’expéditeur.</translation>
    </message>
    <message>
        <source>Export a .docx instead, and report this to your support desk.</source>
        <translation>Exportez plutôt un .docx, et signalez ce problème à votre support informatique.</translation>
    </message>
    <message>
        <source>Install LibreOffice (Debian and Ubuntu: apt install libreoffice-writer), or export a .docx instead.</source>
        <translation>Installez LibreOffice (Debian et Ubuntu&#xa0;: apt install libreoffice-writer), ou exportez plutôt un .docx.</translation>
    </message>
    <message>
        <source>Do not trust any part of it; ask the sender for a fresh copy.</source>
        <translation>Ne vous fiez à aucune partie de son contenu&#xa0;; demandez un nouvel exemplaire à l’expéditeur.</translation>
    </message>
    <message>
        <source>Restore vault.key from your backup; without it the vault cannot be opened.</source>
        <translation>Restaurez vault.key à partir de votre sauvegarde&#xa0;; sans ce fichier, le coffre ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>Use words, &quot;quoted phrases&quot;, prefix*, AND, OR, NOT and parentheses.</source>
        <translation>Utilisez des mots, des &quot;expressions entre guillemets&quot;, des préfixes*, AND, OR, NOT et des parenthèses.</translation>
    </message>
    <message>
        <source>This computer has no usable keychain (such as GNOME Keyring, KWallet, the macOS Keychain or the Windows Credential Locker), so CableDesk cannot remember the vault here; you will type your passphrase each time.</source>
        <translation>Cet ordinateur n’a pas de trousseau utilisable (tel que GNOME Keyring, KWallet, le Trousseau d’accès de macOS ou le Gestionnaire d’identification de Windows)&#xa0;: CableDesk ne peut donc pas mémoriser le coffre ici, et vous saisirez votre phrase de passe à chaque fois.</translation>
    </message>
</context>
<context>
    <name>filePolicy</name>
    <message>
        <source>Marking of the file</source>
        <translation>Marquage du fichier</translation>
    </message>
    <message>
        <source>Needed for a file that is not a CableDesk cable, document or backup: a level of your scheme, or a marking such as CONFIDENTIAL//REL TO USA, GBR.</source>
        <translation>Nécessaire pour un fichier qui n’est ni un télégramme, ni un document, ni une sauvegarde CableDesk : un niveau de votre référentiel, ou un marquage tel que CONFIDENTIAL//REL TO USA, GBR.</translation>
    </message>
    <message>
        <source>Release policy</source>
        <translation>Politique de diffusion</translation>
    </message>
    <message>
        <source>Refused (see below)</source>
        <translation>Refusé (voir ci-dessous)</translation>
    </message>
    <message>
        <source>Unverified: tick to confirm you trust this key</source>
        <translation>Non vérifié&#xa0;: cochez si vous faites confiance à cette clé</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Autorisé</translation>
    </message>
</context>
<context>
    <name>recipients</name>
    <message>
        <source>the group has no members</source>
        <translation>le groupe n’a aucun membre</translation>
    </message>
    <message>
        <source>the keys of {0} are revoked</source>
        <translation>les clés de {0} sont révoquées</translation>
    </message>
    <message>
        <source>Group {0} ({1} members)</source>
        <translation>Groupe {0} ({1} membres)</translation>
    </message>
    <message>
        <source>{0} (keys changed since verified)</source>
        <translation>{0} (clés changées depuis la vérification)</translation>
    </message>
    <message>
        <source>{0} (unverified)</source>
        <translation>{0} (non vérifié)</translation>
    </message>
    <message>
        <source>{0} — same name as another contact</source>
        <translation>{0} — même nom qu&apos;un autre contact</translation>
    </message>
</context>
<context>
    <name>trust</name>
    <message>
        <source>Verified on {0}</source>
        <translation>Vérifié le {0}</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <source>Revoked on {0}</source>
        <translation>Révoqué le {0}</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoqué</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Unknown: not one of your contacts</source>
        <translation>Inconnu&#xa0;: ne fait pas partie de vos contacts</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Keys changed since you verified them: not verified</source>
        <translation>Clés changées depuis que vous les avez vérifiées : non vérifié</translation>
    </message>
    <message>
        <source>{0}; changed details to verify: {1}</source>
        <translation>{0} ; informations modifiées à vérifier : {1}</translation>
    </message>
</context>
<context>
    <name>trust-how</name>
    <message>
        <source>safety number read aloud on the phone</source>
        <translation>numéro de sécurité lu à voix haute au téléphone</translation>
    </message>
    <message>
        <source>safety number compared in person</source>
        <translation>numéro de sécurité comparé en personne</translation>
    </message>
    <message>
        <source>fingerprint compared in person</source>
        <translation>empreinte comparée en personne</translation>
    </message>
    <message>
        <source>laptop lost or stolen</source>
        <translation>ordinateur portable perdu ou volé</translation>
    </message>
    <message>
        <source>left the service</source>
        <translation>a quitté le service</translation>
    </message>
    <message>
        <source>keys may be compromised</source>
        <translation>clés peut-être compromises</translation>
    </message>
    <message>
        <source>fingerprint compared</source>
        <translation>empreinte comparée</translation>
    </message>
    <message>
        <source>your own key</source>
        <translation>votre propre clé</translation>
    </message>
    <message>
        <source>your own identity</source>
        <translation>votre propre identité</translation>
    </message>
    <message>
        <source>keys changed since you verified them</source>
        <translation>clés changées depuis que vous les avez vérifiées</translation>
    </message>
</context>
</TS>
