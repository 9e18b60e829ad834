import { Injectable } from '@nestjs/common';

/** The current time, in one injectable place, so deadlines and "on the service day" rules can be tested. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
