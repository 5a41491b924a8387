/**
 * The environment grammar: facts about the machine a CI job ran on, wherever the job printed them
 * (usually before the build, outside any docker step; inside a step they describe the image).
 * It runs last in each stream context, so it only sees lines apt, dpkg and the log-file grammars
 * did not take. docs/environment.md lists the facts and where their formats come from.
 * @module
 */

import { baseFields, type EnvFactKind, type EnvSource, type LineContext } from '../events/index.ts'
import { createDispatch } from '../grammar/rules.ts'
import type { Emit, Grammar } from '../grammar/types.ts'
import { CONSUMED, IGNORED, UNRECOGNIZED, type Verdict } from '../grammar/verdict.ts'
import { createDockerSections, sectionHeader } from './docker-sections.ts'
import { isDebianVersion } from './os-release.ts'
import { buildxVersionRule, commandRule, githubRunnerRule, lsbReleaseRule, osReleaseRule, unameRule } from './rules.ts'
import { githubHeaderLine, gitlabRunnerLine } from './runner-header.ts'
import { isKernelRelease } from './uname.ts'

/** Commands whose output this grammar reads; their echo lines are known. */
const COMMANDS: ReadonlySet<string> = new Set(['uname -a', 'uname -r', 'uname -sr', 'docker version', 'docker info', 'docker buildx version', 'cat /etc/os-release', 'cat /etc/debian_version', 'lsb_release -a'])

/** The first characters of {@link COMMANDS}. */
const COMMAND_OPENINGS: ReadonlySet<number> = new Set([...COMMANDS].map((command) => command.charCodeAt(0)))

/**
 * Whether the echo `text` (`$ …`, `+ …`) can be one of {@link COMMANDS}: its first character
 * after the prompt and any blanks opens one (a non-ASCII one is left to the rule). Most echo
 * lines are other commands, and the rule normalises the whole line before it can compare.
 */
function mayBeKnownCommand(text: string): boolean {
  for (let i = 2; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue
    return c >= 0x80 || COMMAND_OPENINGS.has(c)
  }
  return true
}

/** How many lines the GitHub job header spans at most after `Current runner version:`. */
const GITHUB_HEADER_LINES = 40

const lineRules = createDispatch<unknown>([unameRule, githubRunnerRule, buildxVersionRule, lsbReleaseRule, osReleaseRule])

/** Create the environment grammar for one stream context. */
export function createEnvGrammar(emit: Emit): Grammar {
  const sections = createDockerSections()
  let inDocker = false
  let dockerSource: EnvSource = 'docker-version'
  let lastCommand: string | undefined
  let githubLeft = 0
  let previous: string | undefined
  let executorImage: string | undefined

  function fact(ctx: LineContext, rule: string, name: EnvFactKind, value: string, source: EnvSource): Verdict {
    emit({ type: 'env.fact', ...baseFields(ctx, rule), fact: name, value, source })
    return CONSUMED
  }

  function openDocker(top: 'Client' | 'Server', command: string | undefined): Verdict {
    if (!inDocker) dockerSource = command === 'docker info' ? 'docker-info' : 'docker-version'
    inDocker = true
    sections.open(top)
    return IGNORED
  }

  return {
    hasOpenBlock: (): boolean => inDocker,
    continueBlock(text: string, ctx: LineContext): Verdict {
      if (text.trim() === '') return IGNORED
      const top = sectionHeader(text)
      if (top !== undefined) return openDocker(top, undefined)
      const found = sections.line(text)
      if (found === undefined) {
        inDocker = false
        return UNRECOGNIZED
      }
      if (found === null) return IGNORED
      if (found.info) dockerSource = 'docker-info'
      return fact(ctx, 'env.docker', found.fact, found.value, dockerSource)
    },
    recognise(text: string, ctx: LineContext): Verdict {
      // Blank lines are the context's; and charCodeAt past the end would make V8 deoptimise this path.
      if (text.length === 0) return UNRECOGNIZED
      const after = lastCommand
      lastCommand = undefined
      const before = previous
      previous = text
      if (githubLeft > 0) {
        githubLeft--
        if (text === 'Prepare workflow directory') githubLeft = 0
        const header = githubHeaderLine(text, before)
        if (header === null) return IGNORED
        if (header !== undefined) return fact(ctx, 'env.github-runner', header.fact, header.value, 'github-runner')
      }
      if (after === 'uname -r' && isKernelRelease(text)) return fact(ctx, 'env.uname', 'kernel', text, 'uname')
      if (after === 'cat /etc/debian_version' && isDebianVersion(text)) return fact(ctx, 'env.debian-version', 'debian-version', text, 'debian_version')
      const first = text.charCodeAt(0)
      if (first === 0x24 /* $ */ || first === 0x2b /* + */) {
        const command = mayBeKnownCommand(text) ? commandRule.match(text) : undefined
        if (command !== undefined && COMMANDS.has(command)) {
          lastCommand = command
          return IGNORED
        }
        return UNRECOGNIZED
      }
      const top = sectionHeader(text)
      if (top !== undefined) return openDocker(top, after)
      const gitlab = first === 0x52 /* R */ || first === 0x50 /* P */ || first === 0x55 /* U */ ? gitlabRunnerLine(text, executorImage) : undefined
      if (gitlab !== undefined) {
        if (gitlab.fact === 'executor-image') executorImage = gitlab.value
        return fact(ctx, 'env.gitlab-runner', gitlab.fact, gitlab.value, 'gitlab-runner')
      }
      const hit = lineRules.match(text)
      if (hit === undefined) return UNRECOGNIZED
      const { rule, value } = hit
      if (rule === unameRule) {
        const u = unameRule.match(text)
        if (u === undefined) return UNRECOGNIZED
        fact(ctx, rule.id, 'kernel', u.kernel, 'uname')
        fact(ctx, rule.id, 'hostname', u.hostname, 'uname')
        if (u.architecture !== undefined) fact(ctx, rule.id, 'architecture', u.architecture, 'uname')
        return CONSUMED
      }
      if (rule === githubRunnerRule) {
        githubLeft = GITHUB_HEADER_LINES
        return fact(ctx, rule.id, 'runner-version', value as string, 'github-runner')
      }
      if (rule === buildxVersionRule) return fact(ctx, rule.id, 'buildx-version', value as string, 'docker-buildx-version')
      if (rule === lsbReleaseRule) {
        const v = value as { fact: EnvFactKind; value: string }
        return fact(ctx, rule.id, v.fact, v.value, 'lsb_release')
      }
      const v = value as { fact: EnvFactKind | null; value: string }
      return v.fact === null ? IGNORED : fact(ctx, rule.id, v.fact, v.value, 'os-release')
    },
    flush(): void {
      inDocker = false
      githubLeft = 0
    },
    looksFamiliar: (): boolean => false,
  }
}
