import { Global, Module } from '@nestjs/common';
import { SensitiveWordsService } from './sensitive-words.service';

@Global()
@Module({ providers: [SensitiveWordsService], exports: [SensitiveWordsService] })
export class SensitiveWordsModule {}
