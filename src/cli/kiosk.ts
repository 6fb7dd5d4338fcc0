#!/usr/bin/env node
/**
 * The kiosk's command line: `npm run kiosk -- <command>`.
 * Runs on Node's own TypeScript support (Node >= 22.18), with no Electron.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Argument, Command, InvalidArgumentError, Option } from 'commander'
import { buildContentDb } from '../core/content/build.ts'
import { checkLibrary } from '../core/content/check.ts'
import { ContentError, loadContent } from '../core/content/load.ts'
import { stampTranslations } from '../core/content/stamp.ts'
import { openDataDb } from '../core/data/open.ts'
import { useOwnerOnlyUmask } from '../core/data/private-folder.ts'
import { FIRST_RUN_CODE_FILE, setPinFromStdin } from '../core/data/first-run.ts'
import { usageCsv, usageSince } from '../core/data/usage.ts'
import { writeCountsOut } from '../core/data/counts-out.ts'
import { PackError, importPack, packSlots, rollbackPack } from '../core/packs/store.ts'
import { verifyPack } from '../core/packs/verify.ts'
import type { PackSummary } from '../core/packs/verify.ts'
import { BUNDLED_FEED_ROOT, CONTENT_DB, CONTENT_DIR, RENDERER_DIR, SOURCES_DIR } from '../core/paths.ts'
import { createServer } from '../core/server/server.ts'
import { createKioskCore } from '../core/services/handlers.ts'
import {
  binderItems,
  chromiumPrinter,
  exportHandoutsAndReport,
  findChromium,
} from '../core/handouts/export.ts'
import { FeedError, generateKey } from '../core/feed/keys.ts'
import {
  addPack,
  feedStatusOf,
  initFeed,
  keysDirOf,
  publishStaged,
  refreshFeed,
  rotateRoot,
  signStaged,
} from '../core/feed/repository.ts'
import type { StagedSummary } from '../core/feed/repository.ts'
import { checkForUpdate, trustRoot } from '../core/feed/update.ts'
import type { Paper } from '../core/handouts/export.ts'

function port(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535')
  return n
}

function seconds(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 3600) {
    throw new InvalidArgumentError('a whole number of seconds from 1 to 3600')
  }
  return n
}

// Options and arguments that several commands take, worded once (each command gets its own object).
const dataDirOption = () => new Option('--data-dir <dir>', "the kiosk's data folder").makeOptionMandatory()
const contentDirOption = () => new Option('--content <dir>', 'content source folder').default(CONTENT_DIR)
const contentDbOption = () => new Option('--db <file>', 'content database').default(CONTENT_DB)
const rendererOption = () => new Option('--renderer <dir>', 'built renderer').default(RENDERER_DIR)
const feedDirArgument = () => new Argument('<dir>', 'the feed folder')

interface ServeOptions {
  port: number
  host: string
  db: string
  renderer: string
  dataDir?: string
  idleTimeout?: number
  idleWarning?: number
}

const program = new Command('kiosk')
  .description('Hip-pain patient-education kiosk: content build and loopback preview server')
  .showHelpAfterError()
  // A command given a data folder writes the PIN's hash and the counts there: whatever it
  // creates (database, WAL, packs, uploads) is the owner's only from the first byte.
  .hook('preAction', (_program, command) => {
    if (command.opts<{ dataDir?: string }>().dataDir) useOwnerOnlyUmask()
  })

program
  .command('build-content')
  .description('validate content/ and compile it into the SQLite database the app ships')
  .addOption(contentDirOption())
  .option('--out <file>', 'database file to write', CONTENT_DB)
  .action((opts: { content: string; out: string }) => {
    try {
      const s = buildContentDb(opts.content, opts.out)
      console.log(`Built ${s.outFile}`)
      console.log(`  pack hash      ${s.contentHash}`)
      console.log(`  content format ${s.schemaVersion}`)
      console.log(
        `  ${s.counts.conditions} conditions, ${s.counts.procedures} procedures, ${s.counts.guides} guides, ${s.counts.glossary} glossary terms; locales ${s.counts.locales.join(', ')}`,
      )
      for (const t of s.staleTranslations)
        console.log(`  note: the ${t.locale} translation of "${t.id}" is stale`)
    } catch (err) {
      if (!(err instanceof ContentError)) throw err
      console.error(err.message)
      console.error('Nothing was written; the previous database is unchanged.')
      process.exitCode = 1
    }
  })

program
  .command('check-content')
  .description(
    'check every item and language: readability, originality, completeness, review honesty, stale translations',
  )
  .addOption(contentDirOption())
  .option('--sources <dir>', 'source articles, for the originality check', SOURCES_DIR)
  .action((opts: { content: string; sources: string }) => {
    let library
    try {
      library = loadContent(opts.content)
    } catch (err) {
      if (!(err instanceof ContentError)) throw err
      console.error(err.message)
      process.exitCode = 1
      return
    }
    const report = checkLibrary(library, { sourcesDir: opts.sources })
    const english = new Map(
      library.items.filter((i) => i.locale === 'en').map((i) => [i.item.id, i.textHash]),
    )
    console.log('item                                   lang  readability          review        translation')
    for (const r of report.items) {
      const score =
        r.locale === 'en'
          ? `grade ${r.readability.mean.toFixed(1)} (max ${r.readability.worst.toFixed(1)})`
          : `ease ${r.readability.mean.toFixed(0)} (min ${r.readability.worst.toFixed(0)})`
      const translation = r.locale === 'en' ? `hash ${english.get(r.id)}` : r.stale ? 'STALE' : 'up to date'
      const mark = r.problems.length ? '✗' : '✓'
      console.log(
        `${mark} ${r.id.padEnd(36)} ${r.locale.padEnd(5)} ${score.padEnd(20)} ${'not reviewed'.padEnd(13)} ${translation}`,
      )
      for (const p of r.problems) console.log(`    ${r.file}: ${p}`)
    }
    for (const p of report.library) console.log(`✗ ${p}`)
    console.log(
      'Review: the content carries no clinical review; each clinic signs items off on its kiosk (staff mode, Clinical review).',
    )
    console.log(`Mean reading grade across the English library: ${report.meanGrade.toFixed(2)} (6.5 at most)`)
    console.log(report.ok ? 'All content checks pass.' : 'Some content checks fail.')
    process.exitCode = report.ok ? 0 : 1
  })

program
  .command('stamp-translation')
  .description('record that the translations of these items match their current English text')
  .argument('[ids...]', 'item ids (every translation when none is given)')
  .addOption(contentDirOption())
  .action((ids: string[], opts: { content: string }) => {
    for (const s of stampTranslations(opts.content, loadContent(opts.content), ids)) {
      console.log(`${s.file}: translatedFrom ${s.hash}`)
    }
  })

const today = () => new Date().toISOString().slice(0, 10)

function printPack(s: PackSummary): void {
  console.log(`  pack hash      ${s.contentHash}`)
  console.log(`  content format ${s.schemaVersion}`)
  console.log(
    `  ${s.conditions} conditions, ${s.procedures} procedures, ${s.glossary} glossary terms; locales ${s.locales.join(', ')}`,
  )
}

program
  .command('verify-pack')
  .description(
    'check a content pack without writing beside it: SQLite, intact, exactly the schema of its content format, every document valid, search tables matching the documents, matching pack hash, complete in every language',
  )
  .argument('<file>', 'the pack (a content database built by build-content)')
  .action((file: string) => {
    const verdict = verifyPack(file)
    if (!verdict.ok) {
      console.error(`Not a usable content pack: ${verdict.reason}`)
      process.exitCode = 1
      return
    }
    console.log(`Good content pack: ${file}`)
    printPack(verdict.summary)
  })

program
  .command('import-pack')
  .description('verify a content pack and switch the kiosk to it, keeping the current one for rollback')
  .argument('<file>', 'the pack')
  .addOption(dataDirOption())
  .action((file: string, opts: { dataDir: string }) => {
    const db = openDataDb(opts.dataDir)
    try {
      const summary = importPack(db, opts.dataDir, file, today())
      console.log(`Imported. The kiosk now uses this content (restart it to see the change):`)
      printPack(summary)
    } catch (err) {
      if (!(err instanceof PackError)) throw err
      console.error(`Not imported: ${err.message}`)
      console.error('The kiosk keeps its current content.')
      process.exitCode = 1
    } finally {
      db.close()
    }
  })

program
  .command('rollback')
  .description('go back to the content pack used before the last import')
  .addOption(dataDirOption())
  .action((opts: { dataDir: string }) => {
    const db = openDataDb(opts.dataDir)
    try {
      const now = rollbackPack(db, opts.dataDir)
      console.log(
        now
          ? `Rolled back to content ${now.contentHash} (imported ${now.importedOn}).`
          : 'Rolled back to the bundled content.',
      )
      for (const s of packSlots(db)) console.log(`  ${s.slot}: ${s.contentHash}`)
    } catch (err) {
      if (!(err instanceof PackError)) throw err
      console.error(err.message)
      process.exitCode = 1
    } finally {
      db.close()
    }
  })

const collect = (value: string, previous: string[] = []) => [...previous, value]

function threshold(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number, 1 or more')
  return n
}

/** The root keys of a root being made (feed init) or replacing the current one (rotate-root), and its threshold. */
const rootKeyOption = (description: string) =>
  new Option('--root-key <keyfile>', description).argParser(collect).makeOptionMandatory()
const rootThresholdOption = (description: string) =>
  new Option('--root-threshold <n>', description).argParser(threshold)

/** Runs one feed command: a refusal is a readable line and exit code 1, never a stack trace. */
function feedAction<A extends unknown[]>(run: (...args: A) => void | Promise<void>) {
  return async (...args: A) => {
    try {
      await run(...args)
    } catch (err) {
      if (!(err instanceof FeedError)) throw err
      console.error(err.message)
      process.exitCode = 1
    }
  }
}

function printStaged(s: StagedSummary): void {
  console.log(`  version   ${s.version}`)
  console.log(`  pack hash ${s.packHash} (${s.length} bytes)`)
  console.log(
    `  signed by ${s.signed.join(', ') || 'nobody yet'} (${s.signed.length} of ${s.threshold} needed)`,
  )
  if (s.missing.length) console.log(`  not yet   ${s.missing.join(', ')}`)
}

const feed = program
  .command('feed')
  .description('publish signed content packs over The Update Framework, to any static host or folder')

feed
  .command('keygen')
  .description('make an Ed25519 key pair: KEYFILE (private, 0600) and KEYFILE.pub (public)')
  .argument('<keyfile>', "where to write the private key; its name (without .key) is the signer's name")
  .action(
    feedAction((file: string) => {
      useOwnerOnlyUmask()
      const key = generateKey(file)
      console.log(`Wrote ${file} (private: keep it offline) and ${file}.pub (public)`)
      console.log(`  key id ${key.keyID}`)
    }),
  )

feed
  .command('init')
  .description('make a new feed in DIR, its online snapshot and timestamp keys in DIR.keys/')
  .argument('<dir>', 'the feed folder (copy it as it is to the host)')
  .addOption(rootKeyOption('a root key (private; repeat for more)'))
  .requiredOption('--content-key <pubfile>', "a content signer's public key (repeat for each)", collect)
  .option('--threshold <n>', 'content signatures a pack needs', threshold, 2)
  .addOption(rootThresholdOption('root signatures a new root needs (default: all the root keys given)'))
  .action(
    feedAction(
      (
        dir: string,
        opts: { rootKey: string[]; contentKey: string[]; threshold: number; rootThreshold?: number },
      ) => {
        initFeed(dir, {
          rootKeyFiles: opts.rootKey,
          contentKeyFiles: opts.contentKey,
          threshold: opts.threshold,
          rootThreshold: opts.rootThreshold,
        })
        console.log(
          `Made a feed in ${dir}; its online keys are in ${keysDirOf(dir)} (never copy those to the host).`,
        )
        console.log(`  packs need ${opts.threshold} of ${opts.contentKey.length} content signatures`)
        console.log(`  give kiosks ${join(dir, 'metadata', 'root.json')} with "kiosk feed trust"`)
      },
    ),
  )

feed
  .command('add')
  .description('stage a built pack as the next version, for the content keys to sign')
  .addArgument(feedDirArgument())
  .argument('<pack>', 'a pack built by build-content')
  .option(
    '--signoffs <file>',
    "a sign-off file exported from a kiosk's Clinical review: those for this pack's items travel with it, under the content signatures",
  )
  .action(
    feedAction((dir: string, pack: string, opts: { signoffs?: string }) => {
      let signoffs: unknown
      if (opts.signoffs) {
        try {
          signoffs = JSON.parse(readFileSync(opts.signoffs, 'utf8'))
        } catch (err) {
          throw new FeedError(`Not staged: ${opts.signoffs} cannot be read (${(err as Error).message}).`)
        }
      }
      const s = addPack(dir, pack, undefined, { signoffs })
      console.log('Staged:')
      printStaged(s)
      if (opts.signoffs) console.log(`  with ${s.signoffs} sign-offs of this pack's items`)
    }),
  )

feed
  .command('sign')
  .description('add one content signature to what is staged')
  .addArgument(feedDirArgument())
  .requiredOption('--key <keyfile>', 'your content key (private)')
  .action(
    feedAction((dir: string, opts: { key: string }) => {
      const s = signStaged(dir, opts.key)
      console.log('Signed:')
      printStaged(s)
    }),
  )

feed
  .command('publish')
  .description('publish what is staged (new snapshot and timestamp), only when every threshold is met')
  .addArgument(feedDirArgument())
  .action(
    feedAction((dir: string) => {
      const r = publishStaged(dir)
      console.log(`Published version ${r.published.version}; copy ${dir} to the host.`)
      printStaged(r.published)
      console.log(`  timestamp expires ${r.timestamp.signed.expires}: run "kiosk feed refresh" daily`)
    }),
  )

feed
  .command('status')
  .description('what is published and staged, who has signed, what is missing, expiry dates')
  .addArgument(feedDirArgument())
  .action(
    feedAction((dir: string) => {
      const s = feedStatusOf(dir)
      console.log(`Content keys: ${s.contentKeys.join(', ')}; a pack needs ${s.threshold}.`)
      if (s.published)
        console.log(
          `Published: version ${s.published.version}, pack ${s.published.packHash}, signed by ${s.published.signed.join(', ')}`,
        )
      else console.log('Published: no pack yet')
      if (s.staged) {
        console.log('Staged:')
        printStaged(s.staged)
      } else console.log('Staged: nothing')
      console.log('Expires:')
      for (const [role, when] of Object.entries(s.expires)) console.log(`  ${role.padEnd(9)} ${when}`)
    }),
  )

feed
  .command('refresh')
  .description('re-sign snapshot and timestamp with the online keys before they expire (run daily from cron)')
  .addArgument(feedDirArgument())
  .action(
    feedAction((dir: string) => {
      const r = refreshFeed(dir)
      const renewed = [r.snapshot && 'snapshot', r.timestamp && 'timestamp'].filter(Boolean)
      console.log(renewed.length ? `Renewed ${renewed.join(' and ')}.` : 'Nothing to renew yet.')
      console.log(`  timestamp expires ${r.feed.timestamp.signed.expires}`)
      for (const w of r.warnings) console.warn(`Warning: ${w}`)
    }),
  )

feed
  .command('rotate-root')
  .description('replace the root keys: a new root signed by the current root keys and the new ones')
  .addArgument(feedDirArgument())
  .requiredOption('--old-root-key <keyfile>', 'a current root key (repeat up to its threshold)', collect)
  .addOption(rootKeyOption('a new root key (repeat for more)'))
  .addOption(rootThresholdOption('root signatures the next root needs (default: all the new root keys)'))
  .action(
    feedAction((dir: string, opts: { oldRootKey: string[]; rootKey: string[]; rootThreshold?: number }) => {
      const r = rotateRoot(dir, {
        oldRootKeyFiles: opts.oldRootKey,
        newRootKeyFiles: opts.rootKey,
        rootThreshold: opts.rootThreshold,
      })
      console.log(`Root version ${r.root.signed.version} published; kiosks move to it at their next check.`)
    }),
  )

feed
  .command('trust')
  .description("trust this feed root on a kiosk (kept in the kiosk's data folder)")
  .argument('<root>', "the feed's metadata/root.json, brought to the kiosk by hand (not over the network)")
  .addOption(dataDirOption())
  .action(
    feedAction((rootFile: string, opts: { dataDir: string }) => {
      const root = trustRoot(opts.dataDir, rootFile)
      console.log(
        `This kiosk now trusts root version ${root.signed.version} (expires ${root.signed.expires}).`,
      )
    }),
  )

program
  .command('update')
  .description(
    'check the signed feed once and switch to its pack when it is newer: exit 0 when up to date or updated, 1 with the reason when refused',
  )
  .addOption(dataDirOption())
  .option('--feed <url|path>', 'the feed: an http(s) address or a folder (remembered for next time)')
  .action(async (opts: { dataDir: string; feed?: string }) => {
    const result = await checkForUpdate({
      dataDir: opts.dataDir,
      feed: opts.feed,
      bundledRoot: BUNDLED_FEED_ROOT,
      bundledContent: CONTENT_DB,
    })
    if (result.outcome === 'refused') {
      console.error(`Not updated: ${result.message}`)
      process.exitCode = 1
    } else console.log(result.message)
    if (result.feedExpires) console.log(`  the feed expires ${result.feedExpires} unless it is refreshed`)
  })

program
  .command('set-pin')
  .description(
    'set (or replace) the staff PIN (4 to 8 digits), read from standard input; never pass it as an argument',
  )
  .addOption(dataDirOption())
  .action(async (opts: { dataDir: string }) => {
    process.exitCode = await setPinFromStdin(opts.dataDir)
  })

program
  .command('usage-export')
  .description('print the anonymous usage counts as CSV (day, metric, key, count)')
  .addOption(dataDirOption())
  .option('--since <date>', 'first day to include (YYYY-MM-DD)', '0000-01-01')
  .action((opts: { dataDir: string; since: string }) => {
    const db = openDataDb(opts.dataDir)
    try {
      process.stdout.write(usageCsv(usageSince(db, opts.since)))
    } finally {
      db.close()
    }
  })

program
  .command('counts-out')
  .description(
    'write the anonymous counts of the last 7 days as CSV files into a folder, one per kiosk and day (<kiosk>_<day>.csv), each replaced whole',
  )
  .addOption(dataDirOption())
  .requiredOption('--to <dir>', 'the folder the clinic collects from (a mounted share, say)')
  .action((opts: { dataDir: string; to: string }) => {
    const db = openDataDb(opts.dataDir)
    try {
      const files = writeCountsOut(db, opts.dataDir, { folder: opts.to })
      console.log(files.length ? files.join('\n') : 'No counts in the last 7 days: nothing written.')
    } finally {
      db.close()
    }
  })

program
  .command('export-handouts')
  .description('write every handout as a PDF (one file per item and language) for the front-desk binder')
  .requiredOption('--out <dir>', 'folder for the PDFs')
  .option('--lang <lang>', 'a language code, or "all" for every language the content offers', 'all')
  .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
  .addOption(contentDbOption())
  .addOption(rendererOption())
  .action(async (opts: { out: string; lang: string; paper: Paper; db: string; renderer: string }) => {
    const chromium = findChromium()
    if (!chromium) {
      console.error(
        'No Chromium was found, so nothing was exported. Install Chromium (Debian: apt-get install chromium) or set ' +
          'CHROMIUM_PATH; or run the kiosk app with --export-handouts DIR to print with Electron.',
      )
      process.exitCode = 1
      return
    }
    const core = createKioskCore({ bundledContent: opts.db, dataDir: null })
    const problem = core.contentProblem()
    if (problem) {
      console.error(`Nothing was exported: ${problem}`)
      core.close()
      process.exitCode = 1
      return
    }
    const offered = core.handlers.contentInfo({}).locales
    const all = opts.lang === 'all' || opts.lang === 'both'
    if (!all && !offered.includes(opts.lang)) {
      console.error(
        `Nothing was exported: the content has no language "${opts.lang}" (it has ${offered.join(', ')}).`,
      )
      core.close()
      process.exitCode = 1
      return
    }
    const server = await createServer({ handlers: core.handlers, rendererDir: opts.renderer })
    const baseUrl = await server.listen({ port: 0, host: '127.0.0.1' })
    try {
      await exportHandoutsAndReport({
        baseUrl,
        items: binderItems(core.handlers),
        langs: all ? offered : [opts.lang],
        paper: opts.paper,
        outDir: opts.out,
        printer: await chromiumPrinter(chromium),
      })
    } finally {
      await server.close()
      core.close()
    }
  })

program
  .command('serve')
  .description('serve the built kiosk and its API on this machine, read-only')
  .option('--port <n>', 'port (0 picks a free one)', port, 4780)
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .addOption(contentDbOption())
  .addOption(rendererOption())
  .option(
    '--data-dir <dir>',
    "the kiosk's data folder (settings, counts, packs); without it nothing is written",
  )
  .option(
    '--idle-timeout <s>',
    'seconds without a touch before "Are you still there?" (default: the setting)',
    seconds,
  )
  .option('--idle-warning <s>', 'seconds the countdown lasts before the kiosk resets (default 20)', seconds)
  .action(async (opts: ServeOptions) => {
    // An unusable content database does not stop the server: the kiosk shows a
    // calm "out of order" screen, and the reason is printed here for staff.
    const core = createKioskCore({
      bundledContent: opts.db,
      dataDir: opts.dataDir ?? null,
      idle: { timeoutSeconds: opts.idleTimeout, warningSeconds: opts.idleWarning },
      bundledFeedRoot: BUNDLED_FEED_ROOT,
    })
    // The daily feed check and counts out, as the app runs them.
    const jobs = core.startDailyJobs()
    // The --host given is also the one name besides the loopback names that the server answers to.
    const app = await createServer({ handlers: core.handlers, rendererDir: opts.renderer, host: opts.host })
    app.addHook('onClose', async () => {
      jobs.stop()
      core.close()
    })
    const address = await app.listen({ port: opts.port, host: opts.host })
    if (!['127.0.0.1', '::1', 'localhost'].includes(opts.host)) {
      console.warn(`Warning: listening on ${opts.host}, reachable from other machines.`)
    }
    console.log(`Kiosk preview on ${address}`)
    // The first PIN needs the one-time code. With a data folder it is in a file only this
    // account reads; without one there is no file, so it is printed here, for whoever started the server.
    const code = core.firstRunCode()
    if (code && opts.dataDir) {
      console.log(
        `No staff PIN yet: the one-time set-up code is in ${join(opts.dataDir, FIRST_RUN_CODE_FILE)}`,
      )
    } else if (code) {
      console.log(`No staff PIN yet: the one-time set-up code is ${code}`)
    }
    const stop = () => void app.close().then(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })

await program.parseAsync()
