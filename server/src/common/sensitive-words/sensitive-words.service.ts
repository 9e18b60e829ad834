import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@hall-menu/shared';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DomainError } from '../errors/domain-error';
import { SensitiveWordMatcher } from './matcher';
import { DEFAULT_SENSITIVE_WORDS } from './word-list';

/** Checks user text before it is stored; one instance holds the compiled list. */
@Injectable()
export class SensitiveWordsService {
  private readonly matcher: SensitiveWordMatcher;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.matcher = new SensitiveWordMatcher([...DEFAULT_SENSITIVE_WORDS, ...readWordFile(config.sensitiveWordsFile)]);
  }

  /** The listed words found in the text. */
  find(text: string | null | undefined): string[] {
    return text ? this.matcher.find(text) : [];
  }

  /**
   * Throws SENSITIVE_CONTENT naming each field and the words found, so the person knows what to change.
   * Call it before the transaction that stores the text: nothing is half-stored.
   */
  assertClean(fields: Record<string, string | null | undefined>): void {
    const problems = Object.entries(fields)
      .map(([field, text]) => ({ field, words: this.find(text) }))
      .filter((p) => p.words.length > 0);
    if (!problems.length) return;
    const words = [...new Set(problems.flatMap((p) => p.words))];
    throw new DomainError(ErrorCode.SensitiveContent, `内容含有不当用语“${words.join('、')}”，请修改后再提交`, {
      fields: problems.map((p) => ({ field: p.field, message: `含有不当用语“${p.words.join('、')}”` })),
    });
  }
}

function readWordFile(file: string | undefined): string[] {
  if (!file) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}
