import { describe, expect, test } from 'vitest'
import type { Rule } from '../../src/grammar/rules.ts'
import {
  BUILDKIT_CACHED,
  BUILDKIT_CANCELED,
  BUILDKIT_DESCRIPTION,
  BUILDKIT_DIGEST,
  BUILDKIT_DONE,
  BUILDKIT_ERROR,
  BUILDKIT_LOG,
  BUILDKIT_OTHER,
  BUILDKIT_PAUSED,
  BUILDKIT_WARN,
  finishedStatus,
} from '../../src/docker/buildkit-plain-rules.ts'
import { ECHO_NAME, ECHO_OPEN, ECHO_REPLAY, SOURCE_LINE, SOURCE_OPEN } from '../../src/docker/echo-rules.ts'
import { FINAL_EXECUTOR_FAILED, FINAL_FAILED_TO_SOLVE, FINAL_PROCESS_FAILED, FINAL_PROGRESS_REFUSED, FINAL_USAGE, isCommandLineError } from '../../src/docker/final-error-rules.ts'
import {
  LEGACY_BUILT,
  LEGACY_CANCELLED,
  LEGACY_CONTEXT,
  LEGACY_COPY_FAILED,
  LEGACY_IMAGE,
  LEGACY_NONZERO,
  LEGACY_REMOVED_CONTAINER,
  LEGACY_RUNNING_IN,
  LEGACY_STEP,
  LEGACY_TAGGED,
  LEGACY_USING_CACHE,
  LEGACY_WARNING,
} from '../../src/docker/legacy-rules.ts'
import { LOG_CLIPPED } from '../../src/docker/log-clipped.ts'
import { NOTICE_BUILDX_MISSING, NOTICE_LEGACY_DEPRECATED, NOTICE_NO_OUTPUT, NOTICE_WARNINGS_SUMMARY } from '../../src/docker/notice-rules.ts'
import { PODMAN_CACHE_TRANSFER, PODMAN_COMMIT, PODMAN_ERROR, PODMAN_IMAGE, PODMAN_IMAGE_ID, PODMAN_STEP, PODMAN_USING_CACHE } from '../../src/docker/podman-rules.ts'
import { RAWJSON_OBJECT } from '../../src/docker/rawjson-rules.ts'
import { DOCKER_LINE_RULES, DOCKER_RULES } from '../../src/docker/rules.ts'
import type { DockerRule } from '../../src/docker/keyed-dispatch.ts'
import { TTY_HEADER, TTY_JOB } from '../../src/docker/buildkit-tty-rules.ts'
import { COMPOSE_BUILDING, COMPOSE_EXITED, COMPOSE_PROGRESS, COMPOSE_SERVICE_FAILED } from '../../src/docker/compose-rules.ts'

const RUN_D13 = 'apt-get update && apt-get install -y --no-install-recommends nonexistent-pkg-xyz && apt-get clean && rm -rf /var/lib/apt/lists/*'
const DIGEST = 'a0e4d4a62256b16e0c901c612859a66f356dae19745169dc62ef998d081007eb'

interface Case {
  readonly name: string
  readonly text: string
  readonly expected: unknown
}

/** Real lines (the capture is named) and what the rule returns for them, then near misses it must reject. */
const RUN_FAILING_PKG = 'RUN apt-get update && apt-get install -y --no-install-recommends nonexistent-pkg-xyz'
/** A tty job line padded to the 120-column terminal of the tty/ captures. */
const pad = (left: string, time: string): string => left + ' '.repeat(Math.max(1, 120 - left.length - time.length)) + time

const TABLES: readonly { rule: Rule<unknown>; hits: readonly Case[]; misses: readonly { name: string; text: string }[] }[] = [
  {
    rule: TTY_HEADER,
    hits: [
      { name: 'tty/04 (buildx: builder on the right)', text: '[+] Building 4.3s (7/8)' + ' '.repeat(90) + 'docker:default', expected: { kind: 'tty.header', finished: false } },
      { name: 'tty/48 (docker 20.10 CLI, last frame)', text: '[+] Building 11.9s (8/8) FINISHED' + ' '.repeat(87), expected: { kind: 'tty.header', finished: true } },
      { name: 'tty/04 first frame', text: '[+] Building 0.0s (0/1)', expected: { kind: 'tty.header', finished: false } },
    ],
    misses: [
      { name: 'compose v2 up (not a build)', text: '[+] Running 1/1' },
      { name: 'no counts', text: '[+] Building 4.3s' },
      { name: 'no time', text: '[+] Building (7/8)' },
      { name: 'apt', text: 'Building dependency tree...' },
    ],
  },
  {
    rule: TTY_JOB,
    hits: [
      { name: 'tty/04 error job', text: pad(` => ERROR [4/5] ${RUN_FAILING_PKG}`, '3.3s'), expected: { kind: 'tty.job', name: `[4/5] ${RUN_FAILING_PKG}`, status: 'error', durationMs: 3300 } },
      { name: 'tty/04 cached job', text: pad(' => CACHED [2/5] WORKDIR /app', '0.0s'), expected: { kind: 'tty.job', name: '[2/5] WORKDIR /app', status: 'cached', durationMs: 0 } },
      { name: 'tty/50 running or done job', text: pad(' => [3/4] RUN apt-get update && apt-get install -y --no-install-recommends less', '7.4s'), expected: { kind: 'tty.job', name: '[3/4] RUN apt-get update && apt-get install -y --no-install-recommends less', status: undefined, durationMs: 7400 } },
      { name: 'tty/50 exporter', text: pad(' => exporting to image', '1.6s'), expected: { kind: 'tty.job', name: 'exporting to image', status: undefined, durationMs: 1600 } },
      { name: 'compose/60 (compose v2: service in the stage)', text: pad(` => ERROR [broken 4/5] ${RUN_FAILING_PKG}`, '10.2s'), expected: { kind: 'tty.job', name: `[broken 4/5] ${RUN_FAILING_PKG}`, status: 'error', durationMs: 10200 } },
      { name: 'FORMATS §7.6: canceled', text: pad(' => CANCELED [3/5] RUN make', '1.2s'), expected: { kind: 'tty.job', name: '[3/5] RUN make', status: 'canceled', durationMs: 1200 } },
      { name: 'a paste that lost the leading space', text: `=> ERROR [4/5] ${RUN_FAILING_PKG}  3.2s`, expected: { kind: 'tty.job', name: `[4/5] ${RUN_FAILING_PKG}`, status: 'error', durationMs: 3200 } },
      { name: 'a job not started yet: no time', text: ' => [5/5] RUN echo done', expected: { kind: 'tty.job', name: '[5/5] RUN echo done', status: undefined } },
      { name: 'tty/50 a job’s status line', text: pad(' => => writing image sha256:7559d073e7e3e686f47a241ce4046292e82802e96b824ee68a48f15cfa144740', '0.0s'), expected: { kind: 'tty.detail', status: 'writing image sha256:7559d073e7e3e686f47a241ce4046292e82802e96b824ee68a48f15cfa144740' } },
      { name: 'tty/04 live output', text: ' => => # Get:2 http://deb.debian.org/debian bookworm/main amd64 Packages [8790 kB]                                     ', expected: { kind: 'tty.detail', status: undefined } },
    ],
    misses: [
      { name: 'an arrow in prose', text: 'a => b' },
      { name: 'nothing after the arrow', text: ' => ' },
      { name: 'legacy info line', text: ' ---> Running in 8ad72937455d' },
      { name: 'a dpkg reason line', text: ' pre-dependency problem - not installing loop2-libgcc1:amd64' },
    ],
  },
  {
    rule: COMPOSE_BUILDING,
    hits: [{ name: 'compose/52 (v1)', text: 'Building broken', expected: { kind: 'compose.progress' } }],
    misses: [
      { name: 'apt', text: 'Building dependency tree...' },
      { name: 'apt, older', text: 'Building dependency tree' },
    ],
  },
  {
    rule: COMPOSE_SERVICE_FAILED,
    hits: [
      { name: 'compose/52 (v1 1.29)', text: "Service 'broken' failed to build : Build failed", expected: { kind: 'final.error', form: 'compose' } },
      { name: 'compose/53 (v1 on a tty, ANSI removed)', text: "ERROR: Service 'broken' failed to build : Build failed", expected: { kind: 'final.error', form: 'compose' } },
      {
        name: 'older v1: the builder’s error after the colon (issue 16)',
        text: "ERROR: Service 'web' failed to build: The command '/bin/sh -c apt-get install -y foo' returned a non-zero code: 100",
        expected: { kind: 'final.error', form: 'compose', exitCode: 100, command: '/bin/sh -c apt-get install -y foo' },
      },
    ],
    misses: [
      { name: 'no name', text: "Service '' failed to build : Build failed" },
      { name: 'other compose error', text: "ERROR: Service 'web' depends on service 'db' which is undefined." },
    ],
  },
  {
    rule: COMPOSE_EXITED,
    hits: [
      { name: 'compose/64 (v1: container name)', text: 'compose_worker_1 exited with code 100', expected: { kind: 'compose.exited', container: 'compose_worker_1', exitCode: 100 } },
      { name: 'compose/67 (v2: service-index)', text: 'worker-1 exited with code 100', expected: { kind: 'compose.exited', container: 'worker-1', exitCode: 100 } },
      { name: 'a clean exit', text: 'worker-1 exited with code 0', expected: { kind: 'compose.exited', container: 'worker-1', exitCode: 0 } },
    ],
    misses: [
      { name: 'prose', text: 'The process exited with code 1' },
      { name: 'text after the code', text: 'worker-1 exited with code 100 (restarting)' },
      { name: 'a gutter line', text: 'worker-1  | exited with code 1' },
    ],
  },
  {
    rule: COMPOSE_PROGRESS,
    hits: [
      { name: 'compose/64 (v1)', text: 'Creating compose_worker_1 ... done', expected: { kind: 'compose.progress' } },
      { name: 'compose/64 (v1, before done)', text: 'Creating compose_worker_1 ... ', expected: { kind: 'compose.progress' } },
      { name: 'compose/64', text: 'Attaching to compose_worker_1', expected: { kind: 'compose.progress' } },
      { name: 'compose/67 (v2)', text: ' Container compose-worker-1  Created', expected: { kind: 'compose.progress' } },
      { name: 'compose/68 (v2 on a tty: check mark, time)', text: ' ✔ Container compose-worker-1  Created' + ' '.repeat(77) + '2.7s ', expected: { kind: 'compose.progress' } },
      { name: 'compose/66 (v2 build)', text: ' compose-worker  Built', expected: { kind: 'compose.progress' } },
      { name: 'compose/71', text: 'Aborting on container exit...', expected: { kind: 'compose.progress' } },
      { name: 'compose/72 (v1 warning)', text: 'using --exit-code-from implies --abort-on-container-exit', expected: { kind: 'compose.progress' } },
      { name: 'compose/68 header', text: '[+] Running 1/1', expected: { kind: 'compose.progress' } },
    ],
    misses: [
      { name: 'dpkg', text: 'Removing openssh-client (1:9.2p1-2+deb12u3) ...' },
      { name: 'apt', text: 'Processing triggers for libc-bin (2.36-9+deb12u14) ...' },
      { name: 'a dpkg reason line', text: ' Package loop2-libc6:amd64 is not configured yet.' },
    ],
  },
  {
    rule: BUILDKIT_DESCRIPTION,
    hits: [{ name: 'D21 first line', text: '#0 building with "default" instance using docker driver', expected: { kind: 'bk.description', text: 'building with "default" instance using docker driver' } }],
    misses: [
      { name: 'another vertex number', text: '#1 building with "default" instance using docker driver' },
      { name: 'no driver word', text: '#0 building with "default" instance' },
    ],
  },
  {
    rule: BUILDKIT_LOG,
    hits: [
      { name: 'D06 apt line', text: '#5 0.354 Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]', expected: { kind: 'bk.log', n: 5, payload: 'Get:1 http://mirror.example.com/debian bookworm InRelease [151 kB]' } },
      { name: 'D06 dpkg progress with bare CRs kept', text: '#5 3.470 (Reading database ... \r(Reading database ... 5%', expected: { kind: 'bk.log', n: 5, payload: '(Reading database ... \r(Reading database ... 5%' } },
      { name: 'D06 indented list line keeps its indentation', text: '#5 2.740   libbsd0 libcbor0.8', expected: { kind: 'bk.log', n: 5, payload: '  libbsd0 libcbor0.8' } },
      { name: 'two decimals from 10 s (§7.3)', text: '#12 12.34 Setting up x (1) ...', expected: { kind: 'bk.log', n: 12, payload: 'Setting up x (1) ...' } },
      { name: 'one decimal from 100 s', text: '#3 123.4 done.', expected: { kind: 'bk.log', n: 3, payload: 'done.' } },
      { name: 'v0.5 %#.4g cut to five characters', text: '#3 1235. done.', expected: { kind: 'bk.log', n: 3, payload: 'done.' } },
      { name: 'an empty output line', text: '#5 0.354 ', expected: { kind: 'bk.log', n: 5, payload: '' } },
      { name: 'an empty output line trimmed by the CI', text: '#5 0.354', expected: { kind: 'bk.log', n: 5, payload: '' } },
    ],
    misses: [
      { name: 'a header', text: '#5 [2/4] RUN apt-get update' },
      { name: 'DONE line', text: '#5 DONE 4.1s' },
      { name: 'an integer is not a log time', text: '#5 12 apples' },
      { name: 'time glued to text', text: '#5 0.354Get:1' },
      { name: 'a dot without decimals that is not the 5-character form', text: '#5 12. x' },
      { name: 'no space after the number', text: '#50.354 x' },
    ],
  },
  {
    rule: BUILDKIT_DONE,
    hits: [
      { name: 'D06', text: '#5 DONE 4.1s', expected: { kind: 'bk.done', n: 5, durationMs: 4100 } },
      { name: 'D06 zero', text: '#1 DONE 0.0s', expected: { kind: 'bk.done', n: 1, durationMs: 0 } },
      { name: 'no time printed', text: '#7 DONE', expected: { kind: 'bk.done', n: 7 } },
    ],
    misses: [
      { name: 'not seconds', text: '#5 DONE soon' },
      { name: 'glued word', text: '#5 DONEs' },
      { name: 'log line saying DONE', text: '#5 1.2 DONE 4.1s' },
    ],
  },
  {
    rule: BUILDKIT_CACHED,
    hits: [{ name: 'D07', text: '#7 CACHED', expected: { kind: 'bk.cached', n: 7 } }],
    misses: [{ name: 'more text', text: '#7 CACHED layer' }],
  },
  {
    rule: BUILDKIT_CANCELED,
    hits: [{ name: 'FORMATS §7.3 completion', text: '#7 CANCELED', expected: { kind: 'bk.canceled', n: 7 } }],
    misses: [{ name: 'British spelling', text: '#7 CANCELLED' }],
  },
  {
    rule: BUILDKIT_PAUSED,
    hits: [{ name: 'D11', text: '#7 ...', expected: { kind: 'bk.paused', n: 7 } }],
    misses: [{ name: 'a log line of dots', text: '#7 1.0 ...' }],
  },
  {
    rule: BUILDKIT_ERROR,
    hits: [
      {
        name: 'D13',
        text: `#5 ERROR: executor failed running [/bin/sh -c ${RUN_D13}]: exit code: 100`,
        expected: { kind: 'bk.error', n: 5, text: `executor failed running [/bin/sh -c ${RUN_D13}]: exit code: 100` },
      },
    ],
    misses: [{ name: 'log line with E:', text: '#5 3.146 E: Unable to locate package nonexistent-pkg-xyz' }],
  },
  {
    rule: BUILDKIT_WARN,
    hits: [{ name: 'progressui ≥ v0.10', text: '#2 WARN: FromAsCasing', expected: { kind: 'bk.warn', n: 2, text: 'FromAsCasing' } }],
    misses: [{ name: 'WARNING word', text: '#2 WARNING: x' }],
  },
  {
    rule: BUILDKIT_DIGEST,
    hits: [{ name: 'D06 v0.8 digest line', text: `#5 sha256:${DIGEST}`, expected: { kind: 'bk.digest', n: 5, text: `sha256:${DIGEST}` } }],
    misses: [
      { name: 'a layer download status', text: `#5 sha256:${DIGEST} 12.58MB / 48.48MB 0.4s` },
      { name: 'short digest', text: '#5 sha256:a0e4d4a6' },
    ],
  },
  {
    rule: BUILDKIT_OTHER,
    hits: [
      { name: 'D06 header', text: '#4 [1/4] FROM docker.io/local/debian:bookworm', expected: { kind: 'bk.other', n: 4, text: '[1/4] FROM docker.io/local/debian:bookworm' } },
      { name: 'D06 status', text: '#9 exporting layers 0.6s done', expected: { kind: 'bk.other', n: 9, text: 'exporting layers 0.6s done' } },
    ],
    misses: [
      { name: 'a shell comment', text: '# comment' },
      { name: 'a shebang', text: '#!/bin/sh' },
      { name: '#5 alone', text: '#5' },
      { name: '#5 and a space only', text: '#5 ' },
      { name: '#5 glued to text', text: '#5text' },
      { name: 'uname kernel build number mid-line', text: 'Linux vm 6.18.44-fc-v657 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux' },
      { name: 'ten digits', text: '#1234567890 x' },
    ],
  },
  {
    rule: LEGACY_CONTEXT,
    hits: [
      { name: 'D01 (trailing CRs already gone)', text: 'Sending build context to Docker daemon  3.072kB', expected: { kind: 'legacy.context', size: '3.072kB', bytes: 3072 } },
      {
        name: 'tty repaint: the last frame counts',
        text: 'Sending build context to Docker daemon  32.77kB\rSending build context to Docker daemon  65.54MB',
        expected: { kind: 'legacy.context', size: '65.54MB', bytes: 65_540_000 },
      },
      { name: 'bytes', text: 'Sending build context to Docker daemon     125B', expected: { kind: 'legacy.context', size: '125B', bytes: 125 } },
    ],
    misses: [{ name: 'binary units are not what the CLI prints', text: 'Sending build context to Docker daemon  3.072KiB' }],
  },
  {
    rule: LEGACY_STEP,
    hits: [
      { name: 'D01', text: 'Step 2/5 : RUN apt-get update', expected: { kind: 'legacy.step', index: 2, total: 5, instruction: 'RUN apt-get update' } },
      {
        name: 'seed excerpt (continuation spaces kept)',
        text: 'Step 5/12 : RUN apt-get update     && apt-get clean',
        expected: { kind: 'legacy.step', index: 5, total: 12, instruction: 'RUN apt-get update     && apt-get clean' },
      },
      { name: 'before Docker 1.13', text: 'Step 3 : COPY . /app', expected: { kind: 'legacy.step', index: 3, instruction: 'COPY . /app' } },
    ],
    misses: [
      { name: 'prose', text: 'Step 1: build the image' },
      { name: 'prose with a total', text: 'Step 3/10: Installing' },
      { name: 'no instruction', text: 'Step 2/5 : ' },
      { name: 'lower case', text: 'step 2/5 : RUN x' },
    ],
  },
  {
    rule: LEGACY_RUNNING_IN,
    hits: [
      { name: 'D01', text: ' ---> Running in 43ac573f9639', expected: { kind: 'legacy.running-in', value: '43ac573f9639' } },
      { name: 'seed runner excerpt: leading space eaten by the CI', text: '---> Running in c3fb701ef925', expected: { kind: 'legacy.running-in', value: 'c3fb701ef925' } },
    ],
    misses: [{ name: 'not an id', text: ' ---> Running in the background' }],
  },
  {
    rule: LEGACY_USING_CACHE,
    hits: [{ name: 'D03', text: ' ---> Using cache', expected: { kind: 'legacy.using-cache' } }],
    misses: [{ name: 'Podman form', text: '--> Using cache 0d8498a0e9e6' }],
  },
  {
    rule: LEGACY_WARNING,
    hits: [{ name: 'FORMATS §7.2', text: ' ---> [Warning] Shell-form CMD and exec-form ENTRYPOINT may have unexpected results', expected: { kind: 'legacy.warning', value: 'Shell-form CMD and exec-form ENTRYPOINT may have unexpected results' } }],
    misses: [{ name: 'no arrow', text: '[Warning] x' }],
  },
  {
    rule: LEGACY_REMOVED_CONTAINER,
    hits: [
      { name: 'D01 daemon ≤ 24', text: 'Removing intermediate container 43ac573f9639', expected: { kind: 'legacy.removed-container', value: '43ac573f9639' } },
      { name: 'daemon ≥ 25', text: ' ---> Removed intermediate container 43ac573f9639', expected: { kind: 'legacy.removed-container', value: '43ac573f9639' } },
      { name: 'failed removal', text: 'Removing intermediate container 43ac573f9639: device busy', expected: { kind: 'legacy.removed-container', value: '43ac573f9639' } },
    ],
    misses: [{ name: 'dpkg Removing line', text: 'Removing openssh-client (1:9.2p1-2+deb12u10) ...' }],
  },
  {
    rule: LEGACY_IMAGE,
    hits: [{ name: 'D01', text: ' ---> c7321c6412da', expected: { kind: 'legacy.image', value: 'c7321c6412da' } }],
    misses: [
      { name: 'upper-case hex', text: ' ---> C7321C6412DA' },
      { name: 'too short', text: ' ---> c73' },
    ],
  },
  {
    rule: LEGACY_BUILT,
    hits: [{ name: 'D01', text: 'Successfully built 70fcb673dcc2', expected: { kind: 'legacy.built', imageId: '70fcb673dcc2' } }],
    misses: [{ name: 'pip wheels', text: 'Successfully built numpy pandas' }],
  },
  {
    rule: LEGACY_TAGGED,
    hits: [{ name: 'D01', text: 'Successfully tagged corpus/seed-bookworm:legacy', expected: { kind: 'legacy.tagged', tag: 'corpus/seed-bookworm:legacy' } }],
    misses: [{ name: 'prose', text: 'Successfully tagged the release as v1' }],
  },
  {
    rule: LEGACY_NONZERO,
    hits: [
      {
        name: 'D14 (ESC[0m already stripped)',
        text: `The command '/bin/sh -c ${RUN_D13}' returned a non-zero code: 100`,
        expected: { kind: 'legacy.nonzero', form: 'legacy-nonzero', text: `The command '/bin/sh -c ${RUN_D13}' returned a non-zero code: 100`, exitCode: 100, command: `/bin/sh -c ${RUN_D13}` },
      },
      {
        name: "a command with quotes; Docker Hub's prefix",
        text: "Build failed: The command '/bin/sh -c echo 'a' && false' returned a non-zero code: 1",
        expected: { kind: 'legacy.nonzero', form: 'legacy-nonzero', text: "The command '/bin/sh -c echo 'a' && false' returned a non-zero code: 1", exitCode: 1, command: "/bin/sh -c echo 'a' && false" },
      },
      {
        name: 'docker ≤ 1.6: the argv as a Go slice (moby builder/internals.go `The command %v returned a non-zero code: %d`)',
        text: 'The command [/bin/sh -c apt-get update && apt-get install -y libgcc1] returned a non-zero code: 100',
        expected: { kind: 'legacy.nonzero', form: 'legacy-nonzero', text: 'The command [/bin/sh -c apt-get update && apt-get install -y libgcc1] returned a non-zero code: 100', exitCode: 100, command: '/bin/sh -c apt-get update && apt-get install -y libgcc1' },
      },
      {
        name: 'a daemon that appends its error after the code (moby dispatchers.go `%s: %s`)',
        text: "The command '/bin/sh -c x' returned a non-zero code: 1: failed to run",
        expected: { kind: 'legacy.nonzero', form: 'legacy-nonzero', text: "The command '/bin/sh -c x' returned a non-zero code: 1: failed to run", exitCode: 1, command: '/bin/sh -c x' },
      },
    ],
    misses: [
      { name: 'no code', text: "The command '/bin/sh -c x' returned a non-zero code: " },
      { name: 'a code glued to text', text: "The command '/bin/sh -c x' returned a non-zero code: 1x" },
      { name: 'the slice form without its bracket', text: 'The command [/bin/sh -c x returned a non-zero code: 1' },
      { name: 'Travis’s wording is the CI’s, not docker’s', text: 'The command "docker build ." exited with 1.' },
    ],
  },
  {
    rule: LEGACY_COPY_FAILED,
    hits: [{ name: 'seen in the wild', text: 'COPY failed: file not found in build context', expected: { kind: 'legacy.copy-failed', form: 'other', text: 'COPY failed: file not found in build context' } }],
    misses: [{ name: 'other word', text: 'COPYING failed: x' }],
  },
  {
    rule: LEGACY_CANCELLED,
    hits: [{ name: 'FORMATS §7.2', text: 'Build cancelled', expected: { kind: 'legacy.cancelled' } }],
    misses: [{ name: 'more words', text: 'Build cancelled by user' }],
  },
  {
    rule: PODMAN_STEP,
    hits: [
      { name: 'single stage', text: 'STEP 2/5: RUN apt-get update', expected: { kind: 'podman.step', index: 2, total: 5, instruction: 'RUN apt-get update' } },
      { name: 'multi-stage prefix', text: '[1/2] STEP 1/4: FROM golang AS builder', expected: { kind: 'podman.step', stage: 1, index: 1, total: 4, instruction: 'FROM golang AS builder' } },
      { name: 'buildah before 2021', text: 'STEP 3: COPY . /app', expected: { kind: 'podman.step', index: 3, instruction: 'COPY . /app' } },
    ],
    misses: [
      { name: 'legacy step', text: 'Step 2/5 : RUN x' },
      { name: 'broken prefix', text: '[1/] STEP 1/4: FROM x' },
    ],
  },
  {
    rule: PODMAN_USING_CACHE,
    hits: [{ name: 'hand-made Podman', text: '--> Using cache 0d8498a0e9e6', expected: { kind: 'podman.using-cache', value: '0d8498a0e9e6' } }],
    misses: [{ name: 'legacy form', text: ' ---> Using cache' }],
  },
  {
    rule: PODMAN_IMAGE,
    hits: [{ name: 'hand-made Podman', text: '--> 5a2f0e2c1b7d', expected: { kind: 'podman.image', value: '5a2f0e2c1b7d' } }],
    misses: [{ name: 'legacy arrow', text: '---> 5a2f0e2c1b7d' }],
  },
  {
    rule: PODMAN_CACHE_TRANSFER,
    hits: [{ name: 'buildah --cache-to', text: '--> Pushing cache registry.example/app:abc', expected: { kind: 'podman.cache-transfer', value: 'Pushing cache registry.example/app:abc' } }],
    misses: [{ name: 'other arrow text', text: '--> Pushing images' }],
  },
  {
    rule: PODMAN_COMMIT,
    hits: [
      { name: 'stage prefix', text: '[2/2] COMMIT app:podman', expected: { kind: 'podman.commit', value: 'COMMIT app:podman' } },
      { name: 'bare', text: 'COMMIT', expected: { kind: 'podman.commit', value: 'COMMIT' } },
    ],
    misses: [{ name: 'prose', text: 'COMMIT the changes now' }],
  },
  {
    rule: PODMAN_IMAGE_ID,
    hits: [{ name: 'final id line', text: DIGEST, expected: { kind: 'podman.image-id', value: DIGEST } }],
    misses: [{ name: '63 characters', text: DIGEST.slice(1) }],
  },
  {
    rule: PODMAN_ERROR,
    hits: [
      {
        name: 'Podman ≥ 4',
        text: 'Error: building at STEP "RUN apt-get install -y foo": while running runtime: exit status 100',
        expected: { kind: 'podman.error', form: 'building-at-step', text: 'Error: building at STEP "RUN apt-get install -y foo": while running runtime: exit status 100', command: 'RUN apt-get install -y foo', exitCode: 100 },
      },
      {
        name: 'older wording',
        text: 'error building at STEP "RUN make": error while running runtime: exit status 2',
        expected: { kind: 'podman.error', form: 'building-at-step', text: 'error building at STEP "RUN make": error while running runtime: exit status 2', command: 'RUN make', exitCode: 2 },
      },
    ],
    misses: [{ name: 'no closing quote', text: 'Error: building at STEP "RUN make' }],
  },
  {
    rule: FINAL_FAILED_TO_SOLVE,
    hits: [
      {
        name: 'buildx ≥ 0.25 (FORMATS §7.3)',
        text: 'ERROR: failed to build: failed to solve: process "/bin/sh -c apt-get install -y foo" did not complete successfully: exit code: 100',
        expected: { kind: 'final.error', form: 'failed-to-solve', exitCode: 100, command: '/bin/sh -c apt-get install -y foo' },
      },
      {
        name: 'compose, BuildKit v0.8 text',
        text: 'failed to solve: executor failed running [/bin/sh -c apt-get -y update]: exit code: 100',
        expected: { kind: 'final.error', form: 'failed-to-solve', exitCode: 100, command: '/bin/sh -c apt-get -y update' },
      },
      { name: 'Docker 19.03 (no exit code)', text: 'failed to solve with frontend dockerfile.v0: failed to build LLB: executor failed running [/bin/sh -c x]: runc did not terminate sucessfully', expected: { kind: 'final.error', form: 'failed-to-solve', command: '/bin/sh -c x' } },
      {
        name: 'compose/61 (compose v2 names the service: `target broken: `)',
        text: `target broken: failed to solve: process "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends nonexistent-pkg-xyz" did not complete successfully: exit code: 100`,
        expected: { kind: 'final.error', form: 'failed-to-solve', exitCode: 100, command: '/bin/sh -c apt-get update && apt-get install -y --no-install-recommends nonexistent-pkg-xyz' },
      },
    ],
    misses: [
      { name: 'buildx missing is a notice', text: 'ERROR: BuildKit is enabled but the buildx component is missing or broken.' },
      { name: 'other ERROR', text: 'ERROR: permission denied' },
      { name: 'a target that is not compose’s (spaces in the name)', text: 'target of the day: failed to solve: x' },
      { name: 'target without the error', text: 'target broken: built' },
    ],
  },
  {
    rule: FINAL_EXECUTOR_FAILED,
    hits: [
      {
        name: 'D13 last line',
        text: `executor failed running [/bin/sh -c ${RUN_D13}]: exit code: 100`,
        expected: { kind: 'final.error', form: 'executor-failed', exitCode: 100, command: `/bin/sh -c ${RUN_D13}` },
      },
    ],
    misses: [{ name: 'no bracket end', text: 'executor failed running [/bin/sh' }],
  },
  {
    rule: FINAL_PROCESS_FAILED,
    hits: [
      {
        name: 'Go-quoted command with escapes',
        text: 'process "/bin/sh -c echo \\"a\\"\\nfalse" did not complete successfully: exit code: 1',
        expected: { kind: 'final.error', form: 'process-failed', exitCode: 1, command: '/bin/sh -c echo "a"\nfalse' },
      },
    ],
    misses: [{ name: 'prose', text: 'process "x" finished' }],
  },
  {
    rule: FINAL_PROGRESS_REFUSED,
    hits: [{ name: 'D19', text: 'invalid value "rawjson" passed to --progress, valid values are: auto, plain, tty', expected: { kind: 'final.error', form: 'cli' } }],
    misses: [{ name: 'another flag', text: 'invalid value "x" passed to --output' }],
  },
  {
    rule: FINAL_USAGE,
    hits: [
      { name: 'D20 (CLI 28.2.2)', text: 'Usage:  docker build [OPTIONS] PATH | URL | -', expected: { kind: 'final.error', form: 'cli', usage: true } },
      { name: 'buildx', text: 'Usage:  docker buildx build [OPTIONS] PATH | URL | -', expected: { kind: 'final.error', form: 'cli', usage: true } },
    ],
    misses: [
      { name: 'one space (prose)', text: 'Usage: docker build [OPTIONS] PATH | URL | -' },
      { name: 'another command', text: 'Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]' },
    ],
  },
  {
    rule: NOTICE_LEGACY_DEPRECATED,
    hits: [{ name: 'D01', text: 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.', expected: { kind: 'notice', notice: 'legacy-deprecated', text: 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.', indent: 12 } }],
    misses: [{ name: 'other deprecation', text: 'DEPRECATED: --foo' }],
  },
  {
    rule: NOTICE_BUILDX_MISSING,
    hits: [{ name: 'D02', text: 'ERROR: BuildKit is enabled but the buildx component is missing or broken.', expected: { kind: 'notice', notice: 'buildx-missing', text: 'ERROR: BuildKit is enabled but the buildx component is missing or broken.', indent: 7 } }],
    misses: [{ name: 'failed to solve', text: 'ERROR: failed to solve: x' }],
  },
  {
    rule: NOTICE_WARNINGS_SUMMARY,
    hits: [
      { name: 'buildx ≥ 0.15 (ANSI stripped)', text: ' 2 warnings found (use docker --debug to expand):', expected: { kind: 'notice', notice: 'warning', text: '2 warnings found (use docker --debug to expand):', indent: 0, bullet: ' - ' } },
      { name: 'one warning', text: ' 1 warning found (use docker --debug to expand):', expected: { kind: 'notice', notice: 'warning', text: '1 warning found (use docker --debug to expand):', indent: 0, bullet: ' - ' } },
    ],
    misses: [{ name: 'apt summary', text: '0 upgraded, 11 newly installed, 0 to remove and 0 not upgraded.' }],
  },
  {
    rule: NOTICE_NO_OUTPUT,
    hits: [{ name: 'buildx docker-container driver', text: 'WARNING: No output specified with docker-container driver.', expected: { kind: 'notice', notice: 'warning', text: 'WARNING: No output specified with docker-container driver.', indent: 0 } }],
    misses: [{ name: "apt's banner", text: 'WARNING: apt does not have a stable CLI interface. Use with caution in scripts.' }],
  },
  {
    rule: ECHO_OPEN,
    hits: [{ name: 'D13', text: '------', expected: { kind: 'echo.open' } }],
    misses: [{ name: 'seven dashes', text: '-------' }],
  },
  {
    rule: ECHO_NAME,
    hits: [{ name: 'D13', text: ` > [2/3] RUN ${RUN_D13}:`, expected: `[2/3] RUN ${RUN_D13}` }],
    misses: [{ name: 'no colon', text: ' > [2/3] RUN x' }],
  },
  {
    rule: ECHO_REPLAY,
    hits: [
      { name: 'FORMATS §7.3 replay', text: '2.886 E: Unable to locate package foo', expected: 'E: Unable to locate package foo' },
      { name: 'empty line in the ring', text: '', expected: '' },
      { name: 'an empty output line, time only', text: '2.723', expected: '' },
      { name: 'with the vertex number, as older clients replay (issue 16)', text: '#5 28.79 E: Unable to locate package foo', expected: 'E: Unable to locate package foo' },
      { name: 'dpkg line keeping its CR (FORMATS §7.3, buildx 0.29.1 pre-dependency capture)', text: '3.131 dpkg: error processing package loop2-multiarch-support (--configure):\r', expected: 'dpkg: error processing package loop2-multiarch-support (--configure):\r' },
    ],
    misses: [
      { name: 'a vertex line without a time', text: '#5 [2/3] RUN x' },
      { name: 'time glued to the text', text: '2.886E: x' },
      { name: 'no decimals', text: '2 E: x' },
      { name: 'an apt message', text: 'E: Unable to locate package foo' },
    ],
  },
  {
    rule: SOURCE_OPEN,
    hits: [
      { name: 'FORMATS §7.3', text: 'Dockerfile:2', expected: { kind: 'source.open', file: 'Dockerfile', sourceLine: 2 } },
      { name: 'a path', text: 'docker/app.Dockerfile:14', expected: { kind: 'source.open', file: 'docker/app.Dockerfile', sourceLine: 14 } },
    ],
    misses: [
      { name: 'docker info line', text: ' Containers: 2' },
      { name: 'a time', text: 'Built: Thu May  7 21:09:36 2026' },
      { name: 'host and port', text: 'http://127.0.0.1:8765' },
    ],
  },
  {
    rule: SOURCE_LINE,
    hits: [
      { name: 'FORMATS §7.3 failing line', text: '   2 | >>> RUN apt-get install -y foo', expected: '>>> RUN apt-get install -y foo' },
      { name: 'context line', text: '   1 |     FROM debian:bookworm', expected: '    FROM debian:bookworm' },
      { name: 'empty line trimmed by the CI', text: '   3 |', expected: '' },
    ],
    misses: [{ name: 'no bar', text: '   3 FROM x' }],
  },
  {
    rule: LOG_CLIPPED,
    hits: [
      { name: 'v0.8 limit', text: '[output clipped, log limit 1MiB reached]', expected: '1MiB' },
      { name: 'speed limit', text: '[output clipped, log limit 200KiB/s reached]', expected: '200KiB/s' },
    ],
    misses: [{ name: 'other text', text: '[output clipped]' }],
  },
]

describe('docker rules: real lines and near misses', () => {
  for (const table of TABLES) {
    describe(table.rule.id, () => {
      for (const c of table.hits) {
        test(c.name, () => {
          expect(table.rule.match(c.text)).toEqual(c.expected)
          // A dispatched rule must list the line's first character, and its second if it lists any (src/docker/keyed-dispatch.ts).
          if (DOCKER_LINE_RULES.includes(table.rule as never) && table.rule.first !== '') expect(table.rule.first).toContain(c.text[0])
          const second = (table.rule as DockerRule<unknown>).second
          if (second !== undefined) expect(second).toContain(c.text[1])
        })
      }
      for (const c of table.misses) {
        test(`near miss: ${c.name}`, () => {
          expect(table.rule.match(c.text)).toBeUndefined()
        })
      }
    })
  }

  test('command-line errors docker prints before its usage text (cobra/pflag and docker/cli wordings)', () => {
    for (const line of ['unknown flag: --progress', "unknown shorthand flag: 'x' in -x", 'flag needs an argument: --tag', 'invalid argument "x" for "-m, --memory" flag: invalid size', '"docker build" requires exactly 1 argument.']) {
      expect(isCommandLineError(line), line).toBe(true)
    }
    for (const line of ['unknown flag', 'invalid argument', '"docker build" ran', 'E: Unable to locate package foo']) expect(isCommandLineError(line), line).toBe(false)
  })

  test('every docker rule has a table here', () => {
    const tested = new Set(TABLES.map((t) => t.rule))
    expect(DOCKER_RULES.filter((r) => r !== RAWJSON_OBJECT && !tested.has(r)).map((r) => r.id)).toEqual([])
  })

  test('rule ids are unique', () => {
    const ids = DOCKER_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('finished BuildKit status lines', () => {
  const cases: [string, string | undefined][] = [
    ['exporting layers 0.6s done', 'exporting layers'],
    ['transferring dockerfile: 292B done', 'transferring dockerfile: 292B'],
    ['writing image sha256:d13ce60e016f303cf17e00adda9a98d9ebe7483bc68d0a47ca431a54c3ef3f16 done', 'writing image sha256:d13ce60e016f303cf17e00adda9a98d9ebe7483bc68d0a47ca431a54c3ef3f16'],
    ['exporting layers', undefined],
    ['sha256:ab12 12.58MB / 48.48MB 0.4s', undefined],
  ]
  for (const [text, expected] of cases) test(text, () => expect(finishedStatus(text)).toBe(expected))
})

describe('rawjson lines', () => {
  test('a D23 object', () => {
    const line =
      '{"vertexes":[{"digest":"sha256:d2c7","name":"[internal] load build definition from Dockerfile","started":"2026-11-27T23:32:39.624603017Z"}],"statuses":[{"id":"transferring dockerfile:","vertex":"sha256:d2c7","name":"transferring","current":0,"timestamp":"2026-11-27T23:32:39.625215125Z","started":"2026-11-27T23:32:39.625214434Z"}]}'
    expect(RAWJSON_OBJECT.match(line)).toEqual({
      vertexes: [{ digest: 'sha256:d2c7', name: '[internal] load build definition from Dockerfile', started: '2026-11-27T23:32:39.624603017Z', completed: undefined, cached: false, error: undefined }],
      statuses: [{ id: 'transferring dockerfile:', vertex: 'sha256:d2c7', completed: undefined }],
      logs: [],
      warnings: [],
    })
  })
  const misses: [string, string][] = [
    ['a cut object', '{"vertexes":[{"digest":"sha256:d2c7","na'],
    ['JSON that is not a SolveStatus', '{"level":"info","msg":"hello"}'],
    ['vertexes not an array', '{"vertexes":{}}'],
    ['an array', '[{"vertexes":[]}]'],
    ['trailing text', '{"vertexes":[]} x'],
    ['a __proto__ key', '{"__proto__":{"vertexes":[]}}'],
  ]
  for (const [name, text] of misses) test(`near miss: ${name}`, () => expect(RAWJSON_OBJECT.match(text)).toBeUndefined())
  test('malformed items are skipped, not fatal', () => {
    expect(RAWJSON_OBJECT.match('{"vertexes":[1,null,{"name":"no digest"},{"digest":"sha256:1"}],"logs":[{"vertex":"sha256:1"}]}')).toEqual({
      vertexes: [{ digest: 'sha256:1', name: undefined, started: undefined, completed: undefined, cached: false, error: undefined }],
      statuses: [],
      logs: [],
      warnings: [],
    })
  })
})
