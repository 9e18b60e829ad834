export default definePageConfig({ navigationBarTitleText: '村晚节目提名' });
