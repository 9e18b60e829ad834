export default definePageConfig({ navigationBarTitleText: '年度排名与表彰' });
