/** Page chrome that is recognisable from one line alone. */
const CHROME: RegExp[] = [
  // advertising and reading aids
  /^(?:advertisements?|sponsored(?: content)?|ad|story continues below(?: advertisement)?|continue reading(?: below| the main story)?|scroll (?:down )?to continue.*|article continues (?:below|after.*))$/i,
  /^(?:listen to (?:this )?(?:article|story)|audio (?:version|article)|\d+\s*min(?:ute)?s?(?: read| listen)?|reading time.*|skip to (?:main )?(?:content|navigation)|accessibility(?: help| statement)?|text size|font size.*|high contrast.*|translate(?: this (?:page|article))?|back to top|jump to.*)$/i,
  // sharing
  /^(?:share(?: this)?(?: article| story| page| on \w+)?|tweet|email|e-mail|print|copy link|link copied|save(?: article)?|saved|bookmark|gift (?:this )?article|\d+\s*comments?|comments?|view comments|join the conversation|facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|flipboard|messenger)$/i,
  /^(?:(?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram|email|e-mail|print|copy link|share|tweet|save|pinterest|messenger|bluesky|threads)[\s|,·•:]*){2,}$/i,
  // navigation
  /^(?:home|menu|search|log ?in|sign ?in|sign ?out|register|my account|close|next|previous|prev|show more|load more|more|open in app|download (?:our|the) app.*|click here.*)$/i,
  /^(?:[\p{L}&' ]{1,30}\s*[|›>»/]\s*){2,}[\p{L}&' ]{1,30}$/u,
  // cookies and consent
  /\b(?:we use cookies|this (?:site|website) uses cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies|manage (?:your )?(?:cookie )?(?:preferences|consent))\b/i,
  // newsletters and subscriptions
  /^(?:sign up|subscribe|get (?:the|our) (?:latest|best|free|daily|weekly)|join (?:our|the) (?:newsletter|mailing list)|enter your email|don'?t miss|never miss|stay (?:informed|up to date)|want (?:more|the latest)).{0,160}$/i,
  /\bnewsletter\b.{0,80}\b(?:sign up|subscribe|inbox|email)\b|\b(?:sign up|subscribe)\b.{0,80}\bnewsletter\b/i,
  /^(?:already (?:a )?subscriber\??|subscribe now|subscribe for.*|log in to continue.*|create (?:a )?free account.*)$/i,
  // related links and topics
  /^(?:read more|read also|also read|see also|related|more|watch|listen|read|tags|topics|filed under|categories|more about|more on this story|latest)\s*:\s*.*$/i,
  /^(?:read more|read also|also read|see also|related(?: articles| stories| coverage| content| topics| news)?|more from .{1,40}|more on this story|more stories|most (?:read|popular|viewed)|trending(?: now)?|recommended(?: for you)?|you (?:may|might) also like|editor'?s picks|top stories|latest(?: news| stories)|what to read next|further reading|read next|explore more|tags|topics)\s*[:›>]?$/i,
  // credits and republishing
  /^(?:photo|image|picture|credit|caption|file photo|photograph|video|image caption|image source|media caption)s?(?: credit)?\s*[:：,]/i,
  /^\(?(?:photo|image|picture|pictured|video)(?: by| courtesy| credit)\b.*$/i,
  /(?:getty images|via getty|\/getty|ap photo|\/ap$|\/afp$|\/reuters$|afp\/file|shutterstock|epa-efe|\bpool photo\b|\/ file\b)\)?\.?$/i,
  /^(?:this (?:article|story|piece) (?:was|is|has been) (?:originally |first )?(?:published|republished|produced|reprinted|updated)|originally published|republished|reprinted with permission|this story was produced|©|copyright|\(c\) \d{4}|all rights reserved|\(?(?:additional )?reporting by|\(?editing by|\(?writing by|compiled by|produced in (?:association|partnership)|distributed by|source:|contact us|terms of (?:use|service)|privacy policy|about us|report (?:an error|a correction|a typo)|corrections? (?:and|&) clarifications|follow (?:us|@).*|follow .{1,40} on (?:twitter|x|facebook|instagram).*)/i,
  /^\((?:reporting|writing|editing|additional reporting) by .*\)$/i,
  /^[a-z]{2,4}(?:[/-][a-z]{2,4})+$/,
  /\b(?:writers?|reporters?|correspondents?|staff)\b.{0,80}\bcontributed\b.{0,60}$|\bcontributed (?:to )?this (?:report|story|article)/i,
  /\bon (?:facebook|twitter|x|instagram|tiktok|youtube)\b.{0,80}\b(?:send|follow|share)\b|\bsend (?:us )?your (?:story ideas|stories|tips|news)\b/i,
  /^.{0,160}\bin your inbox\b.{0,80}$/i,
  /^.{0,100}\bcookies\b.{0,100}$/i,
  /^(?:press release|news release|media release|news story|press statement|guidance|speech)$/i,
  /^from:\s/i,
  /^our standards\b/i,
  /^is this (?:page|article) (?:useful|helpful)\??$|^report a problem\b|^(?:yes|no)$/i,
  /^(?:this (?:article|story) (?:is|was) (?:part of|supported by|funded by)|we'?re a (?:non-?profit|nonprofit))/i,
];

/** True for a line that is page chrome whatever surrounds it. */
export function isChrome(line: string): boolean {
  if (line.split(" ").length > 45) return false;
  return CHROME.some((pattern) => pattern.test(line));
}

/** A line that opens a list of links ("Read more:", "Related stories"). */
export const opensLinkList = (line: string) =>
  /^(?:read more|related(?: articles| stories| coverage| content| news)?|more from .{1,40}|more stories|most (?:read|popular|viewed)|trending(?: now)?|recommended(?: for you)?|you (?:may|might) also like|editor'?s picks|top stories|latest(?: news| stories)?|what to read next|further reading|read next|explore more)\s*:?$/i.test(
    line,
  );

const APPEAL_START =
  /^(?:a )?message from\b|^dear (?:readers?|friends?|subscribers?|supporters?)\b|\b(?:support|fund|back)\s+(?:independent|our|quality|public[- ]interest|fearless|free)\b.{0,40}\b(?:journalism|reporting|media|press|newsroom)\b|\bdonat(?:e|ion|ions)\b|\bbecome a (?:member|supporter|subscriber|patron)\b|\bmake a (?:contribution|donation|gift)\b|reader[- ](?:funded|supported)|\bsupport us\b|\bnot ready to support\b|\bchip in\b/i;
const APPEAL_CUE =
  /\b(?:we|our|us|ours|you|your|journalism|journalists|support|supporting|donat\w*|contribut\w*|subscri\w*|members?|membership|thank you|readers?|independent media)\b/i;

/** A line that starts a donation or membership appeal ("Dear readers,", "Support us"). */
export const opensAppeal = (outsideQuotes: string) => APPEAL_START.test(outsideQuotes);

/** A line that continues an appeal: first/second person talk or fundraising words, or a button. */
export const continuesAppeal = (outsideQuotes: string) =>
  APPEAL_CUE.test(outsideQuotes) || outsideQuotes.split(" ").length <= 6;
