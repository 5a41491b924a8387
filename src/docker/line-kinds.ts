/**
 * What the docker rules find on a line: one discriminated union, so a single first-character
 * dispatch table serves every docker format and the router switches on `kind`.
 * @module
 */

import type { DockerErrorEvent, DockerNoticeEvent } from '../events/docker.ts'

/** `#0 building with "default" instance using docker driver` (buildx ≥ 0.11, FORMATS.md §7.3). */
export interface BuildkitDescriptionLine {
  /** Discriminant. */
  readonly kind: 'bk.description'
  /** The whole text after `#0 `. */
  readonly text: string
}

/** `#5 0.354 Get:1 …`: a vertex's output line; `payload` is the program's text (may be empty, may hold CRs). */
export interface BuildkitLogLine {
  /** Discriminant. */
  readonly kind: 'bk.log'
  /** Vertex number `N` of `#N`. */
  readonly n: number
  /** The program's text after `#N <t> `. */
  readonly payload: string
}

/** `#5 DONE 4.1s` / `#5 DONE`. */
export interface BuildkitDoneLine {
  /** Discriminant. */
  readonly kind: 'bk.done'
  /** Vertex number `N` of `#N`. */
  readonly n: number
  /** `DONE 4.1s` in ms. */
  readonly durationMs?: number
}

/** `#5 CACHED`, `#5 CANCELED`, `#5 ...` (the printer leaves a running vertex). */
export interface BuildkitMarkerLine {
  /** Discriminant. */
  readonly kind: 'bk.cached' | 'bk.canceled' | 'bk.paused'
  /** Vertex number `N` of `#N`. */
  readonly n: number
}

/** `#5 ERROR: …`, `#5 WARN: …`, `#5 sha256:<digest>` (v0.8), and any other `#5 text` (a header or a status line, told apart by position). */
export interface BuildkitTextLine {
  /** Discriminant. */
  readonly kind: 'bk.error' | 'bk.warn' | 'bk.digest' | 'bk.other'
  /** Vertex number `N` of `#N`. */
  readonly n: number
  /** The text after `#N ` and the keyword. */
  readonly text: string
}

/** `Sending build context to Docker daemon  3.072kB`. */
export interface LegacyContextLine {
  /** Discriminant. */
  readonly kind: 'legacy.context'
  /** As printed: `3.072kB`. */
  readonly size: string
  /** In bytes. */
  readonly bytes: number
}

/** `Step 2/5 : RUN …` (≥ 1.13) or `Step 2 : RUN …`. */
export interface LegacyStepLine {
  /** Discriminant. */
  readonly kind: 'legacy.step'
  /** `i` of `i/n`. */
  readonly index: number
  /** `n` of `i/n` (absent before Docker 1.13 / buildah 2021). */
  readonly total?: number
  /** The Dockerfile instruction as printed. */
  readonly instruction: string
}

/** ` ---> Running in <id>`, ` ---> <image id>`, `Removing intermediate container <id>` / ` ---> Removed intermediate container <id>`, ` ---> [Warning] …`. */
export interface LegacyInfoLine {
  /** Discriminant. */
  readonly kind: 'legacy.running-in' | 'legacy.image' | 'legacy.removed-container' | 'legacy.warning'
  /** The id or text the line carries. */
  readonly value: string
}

/** ` ---> Using cache`, `Build cancelled`. */
export interface LegacyMarkerLine {
  /** Discriminant. */
  readonly kind: 'legacy.using-cache' | 'legacy.cancelled'
}

/** `Successfully built <id>`. */
export interface LegacyBuiltLine {
  /** Discriminant. */
  readonly kind: 'legacy.built'
  /** The image id. */
  readonly imageId: string
}

/** `Successfully tagged <name:tag>` (legacy builder and Podman). */
export interface LegacyTaggedLine {
  /** Discriminant. */
  readonly kind: 'legacy.tagged'
  /** The tag. */
  readonly tag: string
}

/** A line that reports a failed step and ends the build (legacy `The command …`, `COPY failed: …`, Podman `Error: building at STEP …`). */
export interface StepFailureLine {
  /** Discriminant. */
  readonly kind: 'legacy.nonzero' | 'legacy.copy-failed' | 'podman.error'
  /** Shape of the error line. */
  readonly form: DockerErrorEvent['form']
  /** The whole line (legacy `Build failed: ` prefix removed). */
  readonly text: string
  /** Exit code named in the text. */
  readonly exitCode?: number
  /** The failing command named in the text. */
  readonly command?: string
}

/** Podman/Buildah `[1/2] STEP 2/5: RUN …`, `STEP 2/5: RUN …`, `STEP 2: RUN …`. */
export interface PodmanStepLine {
  /** Discriminant. */
  readonly kind: 'podman.step'
  /** `1` of `[1/2]` (multi-stage builds). */
  readonly stage?: number
  /** `i` of `i/n`. */
  readonly index: number
  /** `n` of `i/n` (absent before Docker 1.13 / buildah 2021). */
  readonly total?: number
  /** The Dockerfile instruction as printed. */
  readonly instruction: string
}

/** Podman `--> Using cache <id>`, `--> <id>`, `--> Cache pulled from remote …` / `--> Pushing cache …`, `COMMIT name`, the final image id line. */
export interface PodmanInfoLine {
  /** Discriminant. */
  readonly kind: 'podman.using-cache' | 'podman.image' | 'podman.cache-transfer' | 'podman.commit' | 'podman.image-id'
  /** The id or text the line carries. */
  readonly value: string
}

/** A final build error line. */
export interface FinalErrorLine {
  /** Discriminant. */
  readonly kind: 'final.error'
  /** Shape of the error line. */
  readonly form: DockerErrorEvent['form']
  /** Exit code named in the text. */
  readonly exitCode?: number
  /** The failing command named in the text. */
  readonly command?: string
  /**
   * The line is docker's usage text (`Usage:  docker build [OPTIONS] PATH | URL | -`): a failure
   * only when the lines before it are a command-line error, which then is the message.
   */
  readonly usage?: true
}

/** A notice that may go on over indented continuation lines. */
export interface NoticeLine {
  /** Discriminant. */
  readonly kind: 'notice'
  /** Which notice. */
  readonly notice: DockerNoticeEvent['notice']
  /** The first line's text. */
  readonly text: string
  /** Continuation lines start with at least this many spaces (0: none follow). */
  readonly indent: number
  /** Continuation lines start with this text instead (buildx warnings: ` - `). */
  readonly bullet?: string
}

/** `------`: opens BuildKit's error echo block. */
export interface EchoOpenLine {
  /** Discriminant. */
  readonly kind: 'echo.open'
}

/** `Dockerfile:12`: opens the source excerpt of a failed instruction. */
export interface SourceOpenLine {
  /** Discriminant. */
  readonly kind: 'source.open'
  /** File name. */
  readonly file: string
  /** First line of the failing range. */
  readonly sourceLine: number
}

/** Everything the dispatched docker rules can find. */
export type DockerLine =
  | BuildkitDescriptionLine
  | BuildkitLogLine
  | BuildkitDoneLine
  | BuildkitMarkerLine
  | BuildkitTextLine
  | LegacyContextLine
  | LegacyStepLine
  | LegacyInfoLine
  | LegacyMarkerLine
  | LegacyBuiltLine
  | LegacyTaggedLine
  | StepFailureLine
  | PodmanStepLine
  | PodmanInfoLine
  | FinalErrorLine
  | NoticeLine
  | EchoOpenLine
  | SourceOpenLine
  | TtyHeaderLine
  | TtyJobLine
  | TtyDetailLine
  | ComposeProgressLine
  | ComposeExitedLine

/**
 * `[+] Building 4.3s (7/8)` — the header of a BuildKit tty frame (FORMATS.md §7.6), ` FINISHED` on
 * the last frame of a finished build; buildx prints its builder (`docker:default`) on the right.
 */
export interface TtyHeaderLine {
  /** Discriminant. */
  readonly kind: 'tty.header'
  /** The frame says the build finished. */
  readonly finished: boolean
}

/**
 * ` => ERROR [4/5] RUN apt-get …   3.3s`: one job of a tty frame — its name, the status word the
 * printer puts before it (none while running or once done), and its time on the right.
 */
export interface TtyJobLine {
  /** Discriminant. */
  readonly kind: 'tty.job'
  /** The vertex name, as in plain mode (`[4/5] RUN …`). */
  readonly name: string
  /** `ERROR `, `CACHED `, `CANCELED ` before the name. */
  readonly status: 'error' | 'cached' | 'canceled' | undefined
  /** The time on the right, in ms. */
  readonly durationMs?: number
}

/**
 * ` => => exporting layers   1.6s` (a job's status line) or ` => => # Get:2 …` (the rolling window
 * of a running job's last output lines).
 */
export interface TtyDetailLine {
  /** Discriminant. */
  readonly kind: 'tty.detail'
  /** The status text (`writing image sha256:…`), undefined for a window line. */
  readonly status: string | undefined
}

/** Compose's own progress lines (`Creating web_1 ... done`, ` Container app-web-1  Created` …): known, nothing to report. */
export interface ComposeProgressLine {
  /** Discriminant. */
  readonly kind: 'compose.progress'
}

/** `web_1 exited with code 100`: a service's container ended. */
export interface ComposeExitedLine {
  /** Discriminant. */
  readonly kind: 'compose.exited'
  /** The container or service name as printed. */
  readonly container: string
  /** Its exit code. */
  readonly exitCode: number
}
